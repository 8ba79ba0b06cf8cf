// An interpreter's mix: calls, closures, arrays, strings, objects, regular expressions, JSON.
function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

function counter() {
  var count = 0;
  return function (step) { count += step; return count; };
}

var next = counter();
for (var i = 0; i < 100000; i++) next(i & 7);

var numbers = [];
for (var i = 0; i < 60000; i++) numbers.push((i * 7919) % 10007);
numbers.sort(function (a, b) { return a - b; });

var text = '';
for (var i = 0; i < 20000; i++) text += String.fromCharCode(97 + i % 26);
var words = text.replace(/([aeiou])/g, ' $1').split(' ');

var table = {};
for (var i = 0; i < 20000; i++) table['k' + i] = i * 3;
var sum = 0;
for (var key in table) sum += table[key];

var records = [];
for (var i = 0; i < 2000; i++) records.push({ id: i, name: 'item' + i, tags: ['t' + i % 7, 't' + i % 11] });
var copy = JSON.parse(JSON.stringify(records));
var tagged = copy.filter(function (r) { return r.tags.indexOf('t3') >= 0; }).length;

print('fib', fib(24));
print('counter', next(0));
print('sorted', numbers[0], numbers[30000], numbers[numbers.length - 1]);
print('words', words.length, words[1], words[words.length - 1]);
print('sum', sum);
print('json', copy.length, tagged, copy[1999].name);
