// SPDX-License-Identifier: MIT
#pragma once
// The throwaway PostgreSQL + PostGIS server of the PostGIS tests (issue #14). ctest starts it
// (scripts/pg_test_cluster.sh, fixture `postgis`) and passes its connection string in
// SAFERMAP_TEST_PG; the tests are tagged [.postgis], so that a bare run of safermap_tests
// leaves them out and ctest runs them with the fixture.

#include <string>

namespace safermap::test {

// The server's connection string ("PG:host=DIR port=5499 dbname=safermap_test user=postgres").
// Throws std::runtime_error when SAFERMAP_TEST_PG is unset: run the test through ctest.
std::string postgis_server();

// A project in a schema of its own on that server: "<server> schemas=<name>_<process id>", so
// that tests running at once, or a test run twice against one server, never meet.
std::string postgis_project(const std::string& name);

// The first column of the first row `sql` returns on the server, as text ("" for none or
// NULL). Throws std::runtime_error with the server's message when it fails.
std::string postgis_value(const std::string& sql);

// How many tables and constraints an import loading years aside may have left in `schema`
// ("0 tables, 0 checks" when none).
std::string postgis_leftovers(const std::string& schema);

// A table's index definitions, one a line, with its own name replaced by T, to compare tables.
std::string postgis_index_definitions(const std::string& schema, const std::string& table);

} // namespace safermap::test
