// SPDX-License-Identifier: MIT
#include "core/credentials.hpp"

#include <catch2/catch.hpp>

using safermap::mask_credentials;

TEST_CASE("passwords in connection strings are masked, everything else kept", "[core][credentials]") {
    CHECK(mask_credentials("PG:host=db dbname=crime user=analyst password=hunter2") ==
          "PG:host=db dbname=crime user=analyst password=***");
    CHECK(mask_credentials("PG:password=hunter2 host=db") == "PG:password=*** host=db");
    // libpq's spellings: any case, spaces around '=', a quoted value with escapes and spaces.
    CHECK(mask_credentials("PG:PASSWORD = 'a b\\'c' dbname=x") == "PG:PASSWORD = *** dbname=x");
    CHECK(mask_credentials("PG:Password='' dbname=x") == "PG:Password=*** dbname=x");
    // Inside a longer message, more than once. A bare value runs to white space, as libpq
    // reads it: a ')' after it goes too, rather than risk showing the end of a password.
    CHECK(mask_credentials("PG:password=one x: cannot connect (PG:password=two)") ==
          "PG:password=*** x: cannot connect (PG:password=***");
    // A bare value's backslash escapes the next character, a space too (libpq's conninfo parser).
    CHECK(mask_credentials("PG:password=hun\\ ter2 dbname=x") == "PG:password=*** dbname=x");
    // Connection URIs.
    CHECK(mask_credentials("postgresql://analyst:hunter2@db.example:5432/crime") == "postgresql://analyst:***@db.example:5432/crime");
    CHECK(mask_credentials("postgresql://analyst@db.example/crime") == "postgresql://analyst@db.example/crime");
}

TEST_CASE("text without a password comes back unchanged", "[core][credentials]") {
    for (const char* text : {"", "ashfield.gpkg", "PG:service=notts schemas=district", "passwordless=1 mypassword=x",
                             "a password of sorts", "https://example.org/a:b", "/tmp/x: no such project"}) {
        INFO(text);
        CHECK(mask_credentials(text) == text);
    }
}
