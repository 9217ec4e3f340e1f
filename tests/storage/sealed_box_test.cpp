#include "storage/sealed_box.hpp"

#include <catch2/catch.hpp>

using namespace safesurvey::storage;

namespace {
const SealedPlace kPlace{"send-parents-2025", "0f1e2d3c4b5a69788796a5b4c3d2e1f0", "answers", 2,
                         "aaaabbbbccccddddeeeeffff00001111"};
}

TEST_CASE("sealed values open only with their key, in their place", "[storage][crypto]") {
    const auto key = SecretBytes::random(kDataKeyBytes);
    const std::string answers = R"({"q1":"My son has been out of school since May"})";
    const std::string sealed = seal(key, answers, kPlace);

    SECTION("round trip gives the answers back") {
        auto opened = open_sealed(key, sealed, kPlace);
        REQUIRE(opened.ok());
        CHECK(*opened == answers);
        CHECK(sealed.find("out of school") == std::string::npos);
    }
    SECTION("sealing twice uses fresh nonces") {
        CHECK(seal(key, answers, kPlace) != sealed);
    }
    SECTION("a flipped byte anywhere is an error, never altered answers") {
        for (std::size_t i = 0; i < sealed.size(); ++i) {
            std::string tampered = sealed;
            tampered[i] = static_cast<char>(tampered[i] ^ 0x01);
            auto opened = open_sealed(key, tampered, kPlace);
            REQUIRE_FALSE(opened.ok());
            CHECK(opened.error().kind == ErrorKind::corrupt);
        }
    }
    SECTION("a ciphertext moved to another response, field, version or key id fails") {
        SealedPlace other = kPlace;
        other.record_id = "ffffffffffffffffffffffffffffffff";
        CHECK_FALSE(open_sealed(key, sealed, other).ok());
        other = kPlace;
        other.field = "triage";
        CHECK_FALSE(open_sealed(key, sealed, other).ok());
        other = kPlace;
        other.schema_version = 3;
        CHECK_FALSE(open_sealed(key, sealed, other).ok());
        other = kPlace;
        other.key_id = "00000000000000000000000000000000";
        CHECK_FALSE(open_sealed(key, sealed, other).ok());
        other = kPlace;
        other.survey_id = "send-professionals-2025";
        CHECK_FALSE(open_sealed(key, sealed, other).ok());
    }
    SECTION("another key cannot open it") {
        CHECK_FALSE(open_sealed(SecretBytes::random(kDataKeyBytes), sealed, kPlace).ok());
    }
    SECTION("truncated blobs are errors") {
        CHECK_FALSE(open_sealed(key, sealed.substr(0, 20), kPlace).ok());
        CHECK_FALSE(open_sealed(key, "", kPlace).ok());
    }
}

TEST_CASE("wrapped data keys unwrap only under the same KEK and place", "[storage][crypto]") {
    const auto kek = SecretBytes::random(32);
    const auto dek = SecretBytes::random(kDataKeyBytes);
    const std::string wrapped = seal_key(kek, dek, kPlace);
    auto unwrapped = open_sealed_key(kek, wrapped, kPlace);
    REQUIRE(unwrapped.ok());
    CHECK(unwrapped->equals(dek));
    auto wrong = open_sealed_key(SecretBytes::random(32), wrapped, kPlace);
    REQUIRE_FALSE(wrong.ok());
    CHECK(wrong.error().kind == ErrorKind::key_problem);
}
