// The CLI's writers (tools/output_format.hpp) against references: numbers against fmt, which
// they replace (the same bytes for every value, ties and signed zeros included), and JSON
// strings against a byte-at-a-time escaper.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <cmath>
#include <limits>
#include <random>
#include <string>

#include "output_format.hpp"

namespace {
std::string shortest(double x) {
  std::string out;
  textkit::cli::append_shortest(out, x);
  return out;
}

std::string fixed(double x, int decimals) {
  std::string out;
  textkit::cli::append_fixed(out, x, decimals);
  return out;
}
}  // namespace

TEST_CASE("append_fixed writes what fmt's {:.Nf} writes") {
  SUBCASE("hand-picked values: ties to even, negative zero, rounding up to the next unit") {
    CHECK(fixed(0.03125, 4) == "0.0312");  // exactly halfway: to even
    CHECK(fixed(0.09375, 4) == "0.0938");
    CHECK(fixed(-0.03125, 4) == "-0.0312");
    CHECK(fixed(-0.0, 4) == "-0.0000");
    CHECK(fixed(-1e-9, 4) == "-0.0000");
    CHECK(fixed(0.99996, 4) == "1.0000");
    CHECK(fixed(-0.99996, 4) == "-1.0000");
    CHECK(fixed(1e-300, 4) == "0.0000");
    CHECK(fixed(123456.5, 0) == "123456");
    CHECK(fixed(2.5, 0) == "2");
    CHECK(fixed(3.5, 0) == "4");
    CHECK(fixed(0.1, 9) == "0.100000000");
    CHECK(fixed(std::numeric_limits<double>::infinity(), 4) == fmt::format("{:.4f}", std::numeric_limits<double>::infinity()));
    CHECK(fixed(1e12, 4) == "1000000000000.0000");
  }
  SUBCASE("random values and every 4-decimal tie in [-5, 5]") {
    std::mt19937_64 rng(4);
    std::uniform_real_distribution<double> scores(-5, 5);
    std::uniform_real_distribution<double> exponents(-40, 12);
    int mismatches = 0;
    for (int i = 0; i < 300000; ++i) {
      const double a = scores(rng);
      const double b = std::pow(10.0, exponents(rng)) * (i % 2 ? 1 : -1);
      const int decimals = i % 10;
      mismatches += fixed(a, 4) != fmt::format("{:.4f}", a);
      mismatches += fixed(b, decimals) != fmt::format("{:.{}f}", b, decimals);
      mismatches += fixed(static_cast<float>(a), 4) != fmt::format("{:.4f}", static_cast<float>(a));
    }
    for (int k = -50000; k <= 50000; ++k) {
      const double tie = (2.0 * k + 1) / 20000;
      mismatches += fixed(tie, 4) != fmt::format("{:.4f}", tie);
      mismatches += fixed(k / 10000.0, 4) != fmt::format("{:.4f}", k / 10000.0);
    }
    CHECK(mismatches == 0);
  }
}

TEST_CASE("append_shortest writes what fmt's {} writes") {
  for (const double x : {0.0, -0.0, 1.0, 0.1, 1e-4, 1e-5, 0.30000000000000004, 123456789012345680.0, 1e300,
                         -2.2250738585072014e-308, 5e-324, std::numeric_limits<double>::infinity()}) {
    CHECK(shortest(x) == fmt::format("{}", x));
  }
  std::mt19937_64 rng(5);
  std::uniform_real_distribution<double> weights(0, 1);
  std::uniform_real_distribution<double> exponents(-300, 300);
  int mismatches = 0;
  for (int i = 0; i < 200000; ++i) {
    const double w = weights(rng);
    const double any = std::pow(10.0, exponents(rng)) * (i % 2 ? 1 : -1);
    mismatches += shortest(w) != fmt::format("{}", w);
    mismatches += shortest(any) != fmt::format("{}", any);
  }
  CHECK(mismatches == 0);
}

TEST_CASE("append_json_string escapes exactly what a byte-at-a-time escaper does") {
  auto reference = [](std::string_view s) {
    std::string out = "\"";
    for (const char ch : s) {
      const auto c = static_cast<unsigned char>(ch);
      if (c == '"') out += "\\\"";
      else if (c == '\\') out += "\\\\";
      else if (c == '\n') out += "\\n";
      else if (c == '\r') out += "\\r";
      else if (c == '\t') out += "\\t";
      else if (c == '\b') out += "\\b";
      else if (c == '\f') out += "\\f";
      else if (c < 0x20) out += fmt::format("\\u{:04x}", c);
      else out.push_back(ch);
    }
    return out + "\"";
  };
  auto written = [](std::string_view s) {
    std::string out = "x";  // appends after what is there
    textkit::cli::append_json_string(out, s);
    return out.substr(1);
  };
  CHECK(written("") == "\"\"");
  CHECK(written("Satya Nadella") == "\"Satya Nadella\"");
  CHECK(written("« cruelle »\n\"dit-il\"\\") == "\"« cruelle »\\n\\\"dit-il\\\"\\\\\"");
  CHECK(written(std::string_view("a\0b", 3)) == "\"a\\u0000b\"");
  // Random strings of every length up to 80, special bytes anywhere (in and across the
  // 16-byte blocks), bytes >= 0x80 included (which a signed comparison would take for controls).
  std::mt19937 rng(17);
  const std::string specials = std::string("\"\\\n\t\x01\x1f \x20\x7f\x80\xc3\xa9\xff", 14);
  int wrong = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string s(rng() % 81, 'a');
    for (char& ch : s) {
      const unsigned r = rng() % 16;
      ch = r < 12 ? static_cast<char>('a' + rng() % 26) : r < 14 ? specials[rng() % specials.size()] : static_cast<char>(rng() % 256);
    }
    wrong += written(s) != reference(s);
  }
  CHECK(wrong == 0);
}
