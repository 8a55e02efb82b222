#pragma once
/// @file resources.hpp
/// Files from corpora/ compiled into the binary (see cmake/embed_resources.cmake).
#include <span>
#include <string_view>

namespace textkit {

/// One embedded file, named by its path relative to corpora/ (e.g. "stopwords/fr.txt").
struct embedded_resource {
  std::string_view name;
  std::string_view data;
};

/// Every embedded resource, in the order CMake listed them.
std::span<const embedded_resource> embedded_resources();

/// The content of the embedded resource `name`; throws textkit::error when absent.
std::string_view embedded(std::string_view name);

}  // namespace textkit
