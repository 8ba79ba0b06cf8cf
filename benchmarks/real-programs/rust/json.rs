//! Generates a JSON document of nested objects and arrays, parses it into a tree, queries the
//! tree, serialises it again and parses the result: the round trip must give the same tree.
//! Standard library only (the benchmark has no crates).

use std::collections::BTreeMap;
use std::fmt::Write;

#[derive(Debug, PartialEq, Clone)]
enum Value {
    Null,
    Bool(bool),
    Number(f64),
    Text(String),
    List(Vec<Value>),
    Object(BTreeMap<String, Value>),
}

struct Parser<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Parser<'a> {
    fn parse(text: &'a str) -> Result<Value, String> {
        let mut parser = Parser { bytes: text.as_bytes(), at: 0 };
        let value = parser.value()?;
        parser.skip_space();
        if parser.at != parser.bytes.len() {
            return Err(format!("trailing characters at {}", parser.at));
        }
        Ok(value)
    }

    fn skip_space(&mut self) {
        while self.at < self.bytes.len() && matches!(self.bytes[self.at], b' ' | b'\n' | b'\t' | b'\r') {
            self.at += 1;
        }
    }

    fn expect(&mut self, byte: u8) -> Result<(), String> {
        self.skip_space();
        if self.bytes.get(self.at) == Some(&byte) {
            self.at += 1;
            Ok(())
        } else {
            Err(format!("expected '{}' at {}", byte as char, self.at))
        }
    }

    fn value(&mut self) -> Result<Value, String> {
        self.skip_space();
        match self.bytes.get(self.at) {
            Some(b'{') => self.object(),
            Some(b'[') => self.list(),
            Some(b'"') => Ok(Value::Text(self.text()?)),
            Some(b't') => self.word("true", Value::Bool(true)),
            Some(b'f') => self.word("false", Value::Bool(false)),
            Some(b'n') => self.word("null", Value::Null),
            Some(_) => self.number(),
            None => Err("unexpected end".to_string()),
        }
    }

    fn word(&mut self, word: &str, value: Value) -> Result<Value, String> {
        if self.bytes[self.at..].starts_with(word.as_bytes()) {
            self.at += word.len();
            Ok(value)
        } else {
            Err(format!("bad literal at {}", self.at))
        }
    }

    fn number(&mut self) -> Result<Value, String> {
        let start = self.at;
        while self.at < self.bytes.len() && matches!(self.bytes[self.at], b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9') {
            self.at += 1;
        }
        let text = std::str::from_utf8(&self.bytes[start..self.at]).unwrap();
        text.parse::<f64>().map(Value::Number).map_err(|_| format!("bad number at {}", start))
    }

    fn text(&mut self) -> Result<String, String> {
        self.expect(b'"')?;
        let mut out = String::new();
        loop {
            match self.bytes.get(self.at) {
                None => return Err("unterminated string".to_string()),
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    let escaped = *self.bytes.get(self.at + 1).ok_or("bad escape")?;
                    out.push(match escaped {
                        b'n' => '\n',
                        b't' => '\t',
                        other => other as char,
                    });
                    self.at += 2;
                }
                Some(_) => {
                    let start = self.at;
                    while self.at < self.bytes.len() && !matches!(self.bytes[self.at], b'"' | b'\\') {
                        self.at += 1;
                    }
                    out.push_str(std::str::from_utf8(&self.bytes[start..self.at]).unwrap());
                }
            }
        }
    }

    fn list(&mut self) -> Result<Value, String> {
        self.expect(b'[')?;
        let mut items = Vec::new();
        self.skip_space();
        if self.bytes.get(self.at) == Some(&b']') {
            self.at += 1;
            return Ok(Value::List(items));
        }
        loop {
            items.push(self.value()?);
            self.skip_space();
            match self.bytes.get(self.at) {
                Some(b',') => self.at += 1,
                Some(b']') => {
                    self.at += 1;
                    return Ok(Value::List(items));
                }
                _ => return Err(format!("expected ',' or ']' at {}", self.at)),
            }
        }
    }

    fn object(&mut self) -> Result<Value, String> {
        self.expect(b'{')?;
        let mut fields = BTreeMap::new();
        self.skip_space();
        if self.bytes.get(self.at) == Some(&b'}') {
            self.at += 1;
            return Ok(Value::Object(fields));
        }
        loop {
            self.skip_space();
            let key = self.text()?;
            self.expect(b':')?;
            fields.insert(key, self.value()?);
            self.skip_space();
            match self.bytes.get(self.at) {
                Some(b',') => self.at += 1,
                Some(b'}') => {
                    self.at += 1;
                    return Ok(Value::Object(fields));
                }
                _ => return Err(format!("expected ',' or '}}' at {}", self.at)),
            }
        }
    }
}

fn write_value(value: &Value, out: &mut String) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => write!(out, "{}", n).unwrap(),
        Value::Text(t) => {
            out.push('"');
            for c in t.chars() {
                match c {
                    '"' => out.push_str("\\\""),
                    '\\' => out.push_str("\\\\"),
                    '\n' => out.push_str("\\n"),
                    _ => out.push(c),
                }
            }
            out.push('"');
        }
        Value::List(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_value(item, out);
            }
            out.push(']');
        }
        Value::Object(fields) => {
            out.push('{');
            for (i, (key, item)) in fields.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_value(&Value::Text(key.clone()), out);
                out.push(':');
                write_value(item, out);
            }
            out.push('}');
        }
    }
}

/// A document of `records` orders, written by hand (with spacing) the way a service might send it.
fn generate(records: u32) -> String {
    let mut seed: u32 = 12345;
    let mut next = move || {
        seed = seed.wrapping_mul(1664525).wrapping_add(1013904223);
        seed >> 8
    };
    let mut doc = String::from("{\n  \"orders\": [\n");
    for i in 0..records {
        let items = 1 + next() % 5;
        write!(doc, "    {{\"id\": {}, \"customer\": \"c{}\", \"paid\": {}, \"note\": \"line \\\"{}\\\"\\n\", \"items\": [",
            i, next() % 500, next() % 3 != 0, i % 13).unwrap();
        for j in 0..items {
            if j > 0 {
                doc.push_str(", ");
            }
            write!(doc, "{{\"sku\": \"s{}\", \"qty\": {}, \"price\": {}.{:02}}}", next() % 200, 1 + next() % 9, next() % 300, next() % 100).unwrap();
        }
        doc.push_str(if i + 1 < records { "]},\n" } else { "]}\n" });
    }
    doc.push_str("  ],\n  \"meta\": {\"version\": 3, \"source\": null}\n}\n");
    doc
}

fn main() {
    let text = generate(10_000);
    let tree = Parser::parse(&text).expect("generated document parses");
    let orders = match &tree {
        Value::Object(fields) => match fields.get("orders") {
            Some(Value::List(items)) => items.clone(),
            _ => panic!("no orders"),
        },
        _ => panic!("not an object"),
    };
    let mut total = 0.0;
    let mut paid = 0;
    let mut per_customer: BTreeMap<String, f64> = BTreeMap::new();
    for order in &orders {
        if let Value::Object(fields) = order {
            let customer = match fields.get("customer") {
                Some(Value::Text(c)) => c.clone(),
                _ => String::new(),
            };
            if fields.get("paid") == Some(&Value::Bool(true)) {
                paid += 1;
            }
            if let Some(Value::List(items)) = fields.get("items") {
                for item in items {
                    if let Value::Object(item) = item {
                        if let (Some(Value::Number(q)), Some(Value::Number(p))) = (item.get("qty"), item.get("price")) {
                            total += q * p;
                            *per_customer.entry(customer.clone()).or_insert(0.0) += q * p;
                        }
                    }
                }
            }
        }
    }
    let mut compact = String::new();
    write_value(&tree, &mut compact);
    let again = Parser::parse(&compact).expect("serialised document parses");
    let best = per_customer.iter().fold(("", 0.0), |best, (c, v)| if *v > best.1 { (c.as_str(), *v) } else { best });
    println!("document {} bytes, compact {} bytes, round trip {}", text.len(), compact.len(), if again == tree { "equal" } else { "DIFFERENT" });
    println!("orders {} paid {} total {:.2}", orders.len(), paid, total);
    println!("customers {} best {} {:.2}", per_customer.len(), best.0, best.1);
}
