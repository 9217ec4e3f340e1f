#include "storage/reader_pool.hpp"

namespace safesurvey::storage {

namespace {
constexpr std::size_t kMaxIdle = 8;
}

ReaderPool::Lease::~Lease() {
    if (db_ && pool_ != nullptr) pool_->give_back(std::move(db_));
}

Result<ReaderPool::Lease> ReaderPool::acquire() {
    {
        std::lock_guard lock(mutex_);
        if (!idle_.empty()) {
            auto db = std::move(idle_.back());
            idle_.pop_back();
            return Lease(*this, std::move(db));
        }
    }
    auto db = Connection::open(path_, Connection::Mode::read_only);
    if (!db) return db.error();
    if (auto s = (*db)->exec("PRAGMA query_only=ON", "opening a reader"); !s) return s.error();
    return Lease(*this, std::move(*db));
}

void ReaderPool::give_back(std::unique_ptr<Connection> db) {
    // A statement left mid-result would hold its snapshot open and keep the
    // WAL from being checkpointed; reset every one before pooling.
    for (sqlite3_stmt* s = sqlite3_next_stmt(db->handle(), nullptr); s != nullptr;
         s = sqlite3_next_stmt(db->handle(), s))
        sqlite3_reset(s);
    std::lock_guard lock(mutex_);
    if (idle_.size() < kMaxIdle) idle_.push_back(std::move(db));
}

}  // namespace safesurvey::storage
