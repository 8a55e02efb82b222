// The CLI's number writers (tools/output_format.hpp) against fmt, the reference they replace:
// the same bytes for every value, ties and signed zeros included.
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
