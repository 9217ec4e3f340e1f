#include "storage/checkpointer.hpp"

namespace safesurvey::storage {

namespace {

void checkpoint_passive(sqlite3* db) {
    // The outcome is not needed: whatever was not copied stays in the WAL,
    // where readers still find it, and is copied by a later pass.
    (void)sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
}

}  // namespace

Checkpointer::Checkpointer(Connection& writer, std::unique_ptr<Connection> own)
    : writer_(writer), own_(std::move(own)) {
    sqlite3_wal_hook(writer_.handle(), &Checkpointer::on_commit, this);
    thread_ = std::thread([this] { loop(); });
}

Checkpointer::~Checkpointer() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_one();
    thread_.join();
    sqlite3_wal_autocheckpoint(writer_.handle(), 1000);  // SQLite's default again
}

int Checkpointer::on_commit(void* self, sqlite3*, const char*, int frames) {
    // Runs inside COMMIT on the writer thread, after the WAL is synced.
    auto& me = *static_cast<Checkpointer*>(self);
    bool wake = false;
    {
        std::lock_guard lock(me.mutex_);
        if (frames < me.frames_) {
            // The WAL was restarted: count from its new beginning.
            me.background_done_ = 0;
            me.finish_attempted_ = 0;
        }
        me.frames_ = frames;
        wake = frames - me.background_done_ >= kBackgroundFrames;
    }
    if (wake) me.wake_.notify_one();
    return SQLITE_OK;
}

void Checkpointer::loop() {
    for (;;) {
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] {
                return stopping_ || frames_ - background_done_ >= kBackgroundFrames;
            });
            if (stopping_) return;
            background_done_ = frames_;
        }
        background_pass();
    }
}

void Checkpointer::background_pass() {
    std::lock_guard pass(pass_);
    checkpoint_passive(own_->handle());
}

void Checkpointer::between_transactions() {
    {
        std::lock_guard lock(mutex_);
        if (frames_ < kFinishFrames) return;
        // Tried already and the WAL is still long (a reader's snapshot, a full
        // disk): try again once it has grown by another interval, not every batch.
        if (finish_attempted_ != 0 && frames_ - finish_attempted_ < kBackgroundFrames) return;
    }
    // Never waits for a background pass in progress (waiting for one stalled
    // the writer for tens of milliseconds): after the next batch, when it is
    // done, most of the WAL is copied and this pass has only the tail to do.
    std::unique_lock pass(pass_, std::try_to_lock);
    if (!pass.owns_lock()) return;
    {
        std::lock_guard lock(mutex_);
        finish_attempted_ = frames_;
    }
    checkpoint_passive(writer_.handle());
}

}  // namespace safesurvey::storage
