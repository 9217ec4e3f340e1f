#include "server/journey/draft_compression.hpp"

#include <array>
#include <boost/beast/zlib/deflate_stream.hpp>
#include <boost/beast/zlib/inflate_stream.hpp>
#include <cstdint>

namespace safesurvey::journey {

namespace zlib = boost::beast::zlib;

// Layout: 4-byte big-endian uncompressed length, then raw deflate. Beast's
// inflate_stream sometimes returns every byte of a stream without reporting
// its end (measured: 3 inputs in 500), so the length, not the end marker,
// says when the text is complete.
namespace {

constexpr std::size_t kLengthBytes = 4;

}  // namespace

std::string deflate_text(std::string_view text) {
    zlib::deflate_stream stream;
    stream.reset(9, 15, 9, zlib::Strategy::normal);
    std::string out(kLengthBytes + stream.upper_bound(text.size()) + 16, '\0');
    const auto length = static_cast<std::uint32_t>(text.size());
    for (std::size_t i = 0; i < kLengthBytes; ++i) {
        out[i] = static_cast<char>((length >> (8 * (kLengthBytes - 1 - i))) & 0xFF);
    }
    zlib::z_params params;
    params.next_in = text.data();
    params.avail_in = text.size();
    params.next_out = out.data() + kLengthBytes;
    params.avail_out = out.size() - kLengthBytes;
    // upper_bound leaves room for everything; write until the stream ends.
    for (int call = 0; call < 8; ++call) {
        boost::beast::error_code error;
        stream.write(params, zlib::Flush::finish, error);
        if (error == zlib::error::end_of_stream) break;
    }
    out.resize(kLengthBytes + params.total_out);
    return out;
}

std::optional<std::string> inflate_text(std::string_view data, std::size_t max_size) {
    if (data.size() < kLengthBytes) return std::nullopt;
    std::uint32_t length = 0;
    for (std::size_t i = 0; i < kLengthBytes; ++i) {
        length = (length << 8) | static_cast<unsigned char>(data[i]);
    }
    if (length > max_size) return std::nullopt;
    zlib::inflate_stream stream;
    zlib::z_params params;
    params.next_in = data.data() + kLengthBytes;
    params.avail_in = data.size() - kLengthBytes;
    std::string out(length, '\0');
    params.next_out = out.data();
    params.avail_out = out.size();
    std::array<char, 1> spare{};
    for (int call = 0; call < 4 && params.total_out < length; ++call) {
        boost::beast::error_code error;
        stream.write(params, zlib::Flush::sync, error);
        if (error && error != zlib::error::end_of_stream && error != zlib::error::need_buffers) {
            return std::nullopt;
        }
    }
    if (params.total_out != length) return std::nullopt;
    // Nothing may follow the text: one more byte of room must stay unused.
    params.next_out = spare.data();
    params.avail_out = spare.size();
    boost::beast::error_code error;
    stream.write(params, zlib::Flush::sync, error);
    if (params.avail_out != spare.size()) return std::nullopt;
    return out;
}

}  // namespace safesurvey::journey
