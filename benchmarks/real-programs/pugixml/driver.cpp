// Builds an XML catalogue of orders as text, parses it with pugixml, answers XPath queries over
// it, edits the tree, writes it back to text and parses that again, printing counts and checksums.
// Exercises a large C++ code base (parser, DOM, XPath compiler and evaluator) and libc++.
#include <cstdint>
#include <cstdio>
#include <string>

#include "pugixml.hpp"

namespace {

struct StringWriter : pugi::xml_writer {
  std::string text;
  void write(const void* data, size_t size) override {
    text.append(static_cast<const char*>(data), size);
  }
};

uint32_t checksum(const std::string& text) {
  uint32_t hash = 2166136261u;
  for (unsigned char c : text) hash = (hash ^ c) * 16777619u;
  return hash;
}

std::string generate(int orders) {
  static const char* const cities[] = {"Lyon", "Oslo", "Porto", "Graz", "Turku", "Gent"};
  static const char* const items[] = {"bolt", "nut", "gear", "spring", "valve", "chain", "belt"};
  uint32_t seed = 99;
  auto next = [&seed]() {
    seed = seed * 1664525u + 1013904223u;
    return seed >> 8;
  };
  std::string xml = "<?xml version=\"1.0\"?>\n<catalogue version=\"2\">\n";
  char buffer[256];
  for (int i = 0; i < orders; i++) {
    // one draw per statement: the order in which arguments are evaluated differs between compilers
    const char* city = cities[next() % 6];
    const char* paid = next() % 3 ? "yes" : "no";
    std::snprintf(buffer, sizeof buffer, "  <order id=\"%d\" city=\"%s\" paid=\"%s\">\n", i, city, paid);
    xml += buffer;
    int lines = 1 + next() % 4;
    for (int j = 0; j < lines; j++) {
      const char* item = items[next() % 7];
      uint32_t qty = 1 + next() % 9;
      uint32_t units = next() % 200;
      uint32_t cents = next() % 100;
      uint32_t note = next() % 1000;
      std::snprintf(buffer, sizeof buffer,
                    "    <line item=\"%s\" qty=\"%u\"><price>%u.%02u</price><note>&lt;%u&gt; &amp; more</note></line>\n",
                    item, qty, units, cents, note);
      xml += buffer;
    }
    xml += "  </order>\n";
  }
  xml += "</catalogue>\n";
  return xml;
}

}  // namespace

int main() {
  std::string text = generate(20000);
  pugi::xml_document doc;
  pugi::xml_parse_result parsed = doc.load_buffer(text.data(), text.size());
  if (!parsed) {
    std::printf("parse error: %s at %td\n", parsed.description(), parsed.offset);
    return 1;
  }

  pugi::xpath_query lines("count(//line)");
  pugi::xpath_query paid("count(/catalogue/order[@paid='yes'])");
  pugi::xpath_query lyon("sum(//order[@city='Lyon']/line/@qty)");
  pugi::xpath_query dear("count(//line[price > 150 and @item='gear'])");
  std::printf("lines %.0f paid %.0f lyon-qty %.0f dear-gears %.0f\n", lines.evaluate_number(doc),
              paid.evaluate_number(doc), lyon.evaluate_number(doc), dear.evaluate_number(doc));

  double total = 0;
  for (pugi::xpath_node node : doc.select_nodes("//order[@city='Oslo' or @city='Gent']/line")) {
    pugi::xml_node line = node.node();
    total += line.attribute("qty").as_int() * line.child("price").text().as_double();
  }
  std::printf("oslo-gent total %.2f\n", total);

  // edit: drop unpaid orders, mark the rest, then serialise and read back
  pugi::xml_node catalogue = doc.child("catalogue");
  for (pugi::xml_node order = catalogue.child("order"); order;) {
    pugi::xml_node following = order.next_sibling("order");
    if (std::string(order.attribute("paid").value()) == "no") {
      catalogue.remove_child(order);
    } else {
      order.append_attribute("checked").set_value(true);
    }
    order = following;
  }
  StringWriter writer;
  doc.save(writer, "  ");
  pugi::xml_document again;
  if (!again.load_buffer(writer.text.data(), writer.text.size())) return 1;
  std::printf("input %zu bytes, output %zu bytes, checksum %08x, orders kept %zu\n", text.size(),
              writer.text.size(), checksum(writer.text),
              again.select_nodes("/catalogue/order[@checked='true']").size());
  return 0;
}
