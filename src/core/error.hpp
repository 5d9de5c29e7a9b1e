// SPDX-License-Identifier: MIT
#pragma once
// The error contract of SaferMap (see STYLE.md "Errors"): a whole input that cannot be used
// throws one of these, with the file, the layer/line/feature and the reason in the message.
// Bad rows are never exceptions: they go to Rejects.

#include <stdexcept>
#include <string>

namespace safermap {

class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A file cannot be opened, read or written (missing, truncated, unknown driver).
class IoError : public Error {
public:
    using Error::Error;
};

// A file is readable but lacks what is needed (missing column, wrong geometry type).
class SchemaError : public Error {
public:
    using Error::Error;
};

// A coordinate reference system is missing, unknown or cannot be transformed.
class CrsError : public Error {
public:
    using Error::Error;
};

// The user asked for something inconsistent (bad flag value, unknown kind).
class ConfigError : public Error {
public:
    using Error::Error;
};

} // namespace safermap
