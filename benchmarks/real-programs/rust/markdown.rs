//! Converts a generated Markdown document to HTML: headings, paragraphs, lists, code blocks,
//! emphasis, inline code and links, with HTML escaping. Prints the output's size, a checksum and
//! tag counts. Standard library only (the benchmark has no crates).

use std::collections::BTreeMap;

fn escape(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
}

/// Inline markup: `code`, **strong**, *emphasis* and [text](url).
fn inline(text: &str, out: &mut String) {
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    let mut plain = String::new();
    let flush = |plain: &mut String, out: &mut String| {
        escape(plain, out);
        plain.clear();
    };
    while i < chars.len() {
        let rest = &chars[i..];
        let find = |from: usize, what: &[char]| -> Option<usize> {
            (from..chars.len().saturating_sub(what.len() - 1)).find(|&k| chars[k..].starts_with(what))
        };
        if rest[0] == '`' {
            if let Some(end) = find(i + 1, &['`']) {
                flush(&mut plain, out);
                out.push_str("<code>");
                escape(&chars[i + 1..end].iter().collect::<String>(), out);
                out.push_str("</code>");
                i = end + 1;
                continue;
            }
        } else if rest.starts_with(&['*', '*']) {
            if let Some(end) = find(i + 2, &['*', '*']) {
                flush(&mut plain, out);
                out.push_str("<strong>");
                inline(&chars[i + 2..end].iter().collect::<String>(), out);
                out.push_str("</strong>");
                i = end + 2;
                continue;
            }
        } else if rest[0] == '*' {
            if let Some(end) = find(i + 1, &['*']) {
                flush(&mut plain, out);
                out.push_str("<em>");
                inline(&chars[i + 1..end].iter().collect::<String>(), out);
                out.push_str("</em>");
                i = end + 1;
                continue;
            }
        } else if rest[0] == '[' {
            if let Some(close) = find(i + 1, &[']', '(']) {
                if let Some(end) = find(close + 2, &[')']) {
                    flush(&mut plain, out);
                    out.push_str("<a href=\"");
                    escape(&chars[close + 2..end].iter().collect::<String>(), out);
                    out.push_str("\">");
                    inline(&chars[i + 1..close].iter().collect::<String>(), out);
                    out.push_str("</a>");
                    i = end + 1;
                    continue;
                }
            }
        }
        plain.push(rest[0]);
        i += 1;
    }
    flush(&mut plain, out);
}

fn to_html(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len() * 2);
    let mut paragraph: Vec<&str> = Vec::new();
    let mut in_list = false;
    let mut in_code = false;
    let close_paragraph = |paragraph: &mut Vec<&str>, out: &mut String| {
        if !paragraph.is_empty() {
            out.push_str("<p>");
            inline(&paragraph.join(" "), out);
            out.push_str("</p>\n");
            paragraph.clear();
        }
    };
    for line in markdown.lines() {
        if in_code {
            if line.starts_with("```") {
                out.push_str("</code></pre>\n");
                in_code = false;
            } else {
                escape(line, &mut out);
                out.push('\n');
            }
            continue;
        }
        let is_item = line.starts_with("- ");
        if in_list && !is_item {
            out.push_str("</ul>\n");
            in_list = false;
        }
        if line.starts_with("```") {
            close_paragraph(&mut paragraph, &mut out);
            out.push_str("<pre><code>");
            in_code = true;
        } else if line.starts_with('#') {
            close_paragraph(&mut paragraph, &mut out);
            let level = line.chars().take_while(|&c| c == '#').count().min(6);
            out.push_str(&format!("<h{}>", level));
            inline(line[level..].trim(), &mut out);
            out.push_str(&format!("</h{}>\n", level));
        } else if is_item {
            close_paragraph(&mut paragraph, &mut out);
            if !in_list {
                out.push_str("<ul>\n");
                in_list = true;
            }
            out.push_str("<li>");
            inline(&line[2..], &mut out);
            out.push_str("</li>\n");
        } else if line.trim().is_empty() {
            close_paragraph(&mut paragraph, &mut out);
        } else {
            paragraph.push(line.trim());
        }
    }
    close_paragraph(&mut paragraph, &mut out);
    if in_list {
        out.push_str("</ul>\n");
    }
    out
}

fn generate(sections: u32) -> String {
    let words = ["flare", "module", "*fast*", "**bytecode**", "`i32.add`", "table", "memory", "a < b",
                 "[docs](https://example.org/a?b=1&c=2)", "trap", "stack", "\"quoted\"", "grow"];
    let mut seed: u32 = 7;
    let mut next = move || {
        seed = seed.wrapping_mul(1103515245).wrapping_add(12345);
        (seed >> 8) as usize
    };
    let mut doc = String::new();
    for s in 0..sections {
        doc.push_str(&format!("{} Section {} about {}\n\n", "#".repeat(1 + s as usize % 3), s, words[next() % words.len()]));
        for _ in 0..3 {
            for _ in 0..(3 + next() % 4) {
                let length = 6 + next() % 10;
                let line: Vec<&str> = (0..length).map(|_| words[next() % words.len()]).collect();
                doc.push_str(&line.join(" "));
                doc.push('\n');
            }
            doc.push('\n');
        }
        for item in 0..(next() % 5) {
            doc.push_str(&format!("- item {} with {}\n", item, words[next() % words.len()]));
        }
        if s % 4 == 0 {
            doc.push_str("\n```\nfn main() { if a < b { run(&x); } }\n```\n");
        }
        doc.push('\n');
    }
    doc
}

fn main() {
    let markdown = generate(2500);
    let html = to_html(&markdown);
    let mut tags: BTreeMap<&str, usize> = BTreeMap::new();
    for tag in ["<h1>", "<h2>", "<h3>", "<p>", "<li>", "<em>", "<strong>", "<code>", "<a href", "&lt;", "&amp;"] {
        tags.insert(tag, html.matches(tag).count());
    }
    let checksum = html.bytes().fold(0u32, |h, b| h.wrapping_mul(31).wrapping_add(b as u32));
    println!("markdown {} bytes, html {} bytes, checksum {:08x}", markdown.len(), html.len(), checksum);
    for (tag, count) in &tags {
        println!("{} {}", tag, count);
    }
}
