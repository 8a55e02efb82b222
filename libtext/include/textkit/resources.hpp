#pragma once
/// @file resources.hpp
/// Files from corpora/ compiled into the binary (see cmake/embed_resources.cmake).
#include <initializer_list>
#include <span>
#include <string>
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

/// A fingerprint (16 hex digits, FNV-1a 64) of the names and contents of the embedded
/// resources whose names start with one of `prefixes` ("stopwords/"...): models record the one
/// of the data their analysis read ("analysis.data"), so that a reader can tell other data.
std::string embedded_fingerprint(std::initializer_list<std::string_view> prefixes);

}  // namespace textkit
