-- Inserts, indexed look-ups, joins and aggregates on generated data.
CREATE TABLE customer(id INTEGER PRIMARY KEY, name TEXT NOT NULL, city TEXT NOT NULL, score INTEGER);
CREATE TABLE orders(id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL, amount INTEGER, day INTEGER, note TEXT);
CREATE TABLE city(name TEXT PRIMARY KEY, region TEXT);

WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 12)
INSERT INTO city SELECT 'city' || i, 'region' || (i % 4) FROM n;

BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 8000)
INSERT INTO customer SELECT i, 'customer' || (i * 7919 % 8000), 'city' || (1 + i % 12), (i * 104729) % 1000 FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40000)
INSERT INTO orders SELECT i, 1 + (i * 48271) % 8000, (i * 16807) % 5000, i % 365,
  substr('abcdefghijklmnopqrstuvwxyz', 1 + i % 20, 6) FROM n;
COMMIT;

CREATE INDEX orders_customer ON orders(customer_id);
CREATE INDEX orders_day ON orders(day, amount);
CREATE INDEX customer_name ON customer(name);

SELECT count(*), sum(amount), min(day), max(day) FROM orders;
SELECT count(*) FROM customer WHERE name BETWEEN 'customer1' AND 'customer2';
SELECT day, count(*), sum(amount) FROM orders WHERE day BETWEEN 100 AND 104 GROUP BY day ORDER BY day;
SELECT c.city, count(o.id), sum(o.amount) FROM customer c JOIN orders o ON o.customer_id = c.id
  GROUP BY c.city ORDER BY c.city;
SELECT ci.region, count(*), avg(o.amount) FROM orders o JOIN customer c ON c.id = o.customer_id
  JOIN city ci ON ci.name = c.city GROUP BY ci.region ORDER BY ci.region;
SELECT c.name, t.total FROM customer c
  JOIN (SELECT customer_id, sum(amount) AS total FROM orders GROUP BY customer_id) t ON t.customer_id = c.id
  ORDER BY t.total DESC, c.name LIMIT 5;
UPDATE customer SET score = score + 1 WHERE id IN (SELECT customer_id FROM orders WHERE amount > 4900);
SELECT sum(score) FROM customer;
DELETE FROM orders WHERE note LIKE 'e%';
SELECT count(*), sum(amount) FROM orders;
SELECT note, count(*) FROM orders GROUP BY note ORDER BY count(*) DESC, note LIMIT 3;
