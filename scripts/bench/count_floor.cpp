// A reference point for `textkit tfidf fit`, not part of textkit: the least a fitting pass
// does, written plainly. It parses each JSON Lines record (simdjson), splits the "text" field
// into runs of ASCII letters and digits (any byte >= 0x80 counts as a letter), folds ASCII
// capitals, hashes each word (FNV-1a) into an open-addressing table and counts its total and
// document frequency. No Unicode rules, no model, no weighing, no output.
// Built and run by scripts/bench/fit-floor.sh.
#include <simdjson.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

namespace {
struct slot {
  std::uint64_t hash = 0;
  std::uint32_t id = 0;
  std::uint32_t size = 0;  // 0: empty
};
struct counts {
  std::uint64_t tf = 0;
  std::uint64_t df = 0;
  std::uint32_t last_document = 0;
  std::uint32_t offset = 0;  // of the word in the arena
};
}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: count_floor CORPUS.jsonl\n");
    return 2;
  }
  const auto start = std::chrono::steady_clock::now();
  simdjson::padded_string data;
  if (simdjson::padded_string::load(argv[1]).get(data)) {
    std::fprintf(stderr, "count_floor: cannot read %s\n", argv[1]);
    return 1;
  }
  bool is_word[256];
  for (int c = 0; c < 256; ++c) {
    is_word[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
  }
  simdjson::dom::parser parser;
  std::vector<slot> table(std::size_t{1} << 18);
  const std::uint64_t mask = table.size() - 1;
  std::vector<counts> terms;
  std::string arena;
  char word[256];
  std::uint32_t documents = 0;
  std::uint64_t tokens = 0;
  const std::string_view all(data.data(), data.size());
  for (std::size_t pos = 0; pos < all.size();) {
    std::size_t eol = all.find('\n', pos);
    if (eol == std::string_view::npos) eol = all.size();
    simdjson::dom::element record;
    std::string_view text;
    if (parser.parse(all.data() + pos, eol - pos, true).get(record) || record["text"].get(text)) {
      std::fprintf(stderr, "count_floor: record at byte %zu: not a JSON object with a text field\n", pos);
      return 1;
    }
    ++documents;
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    for (std::size_t i = 0; i < n;) {
      while (i < n && !is_word[p[i]]) ++i;
      if (i == n) break;
      std::uint64_t hash = 1469598103934665603ull;
      std::uint32_t size = 0;
      for (; i < n && is_word[p[i]]; ++i) {
        const auto c = static_cast<unsigned char>(p[i] | ((p[i] >= 'A' && p[i] <= 'Z') ? 0x20 : 0));
        if (size < sizeof word) word[size++] = static_cast<char>(c);
        hash = (hash ^ c) * 1099511628211ull;
      }
      ++tokens;
      for (std::uint64_t k = hash & mask;; k = (k + 1) & mask) {
        slot& s = table[k];
        if (s.size == 0) {
          s = {hash, static_cast<std::uint32_t>(terms.size()), size};
          terms.push_back({1, 1, documents, static_cast<std::uint32_t>(arena.size())});
          arena.append(word, size);
          break;
        }
        if (s.hash == hash && s.size == size && std::memcmp(arena.data() + terms[s.id].offset, word, size) == 0) {
          counts& c = terms[s.id];
          ++c.tf;
          if (c.last_document != documents) {
            c.last_document = documents;
            ++c.df;
          }
          break;
        }
      }
    }
    pos = eol + 1;
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("%u documents, %llu words, %zu distinct: %.3f s\n", documents, static_cast<unsigned long long>(tokens),
              terms.size(), seconds);
  return 0;
}
