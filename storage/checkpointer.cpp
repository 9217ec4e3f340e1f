#include "storage/checkpointer.hpp"

namespace safesurvey::storage {

namespace {

// Copies what it can of the WAL into the database and returns how many of
// the WAL's frames are now copied (0 if it could not tell). Whatever was not
// copied stays in the WAL, where readers still find it, for a later pass.
int checkpoint_passive(sqlite3* db) {
    int log = 0, copied = 0;
    const int rc = sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_PASSIVE, &log, &copied);
    return rc == SQLITE_OK && copied > 0 ? copied : 0;
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
            me.started_ = me.copied_ = me.finish_attempted_ = 0;
            ++me.generation_;
        }
        me.frames_ = frames;
        wake = me.pass_due();
    }
    if (wake) me.wake_.notify_one();
    return SQLITE_OK;
}

bool Checkpointer::pass_due() const {
    if (frames_ - started_ >= kBackgroundFrames) return true;
    // Near the end of a cycle: keep copying what is new until the tail is short.
    return frames_ >= kFinishFrames && frames_ > started_ && frames_ - copied_ > kTailFrames;
}

void Checkpointer::loop() {
    for (;;) {
        int generation;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stopping_ || pass_due(); });
            if (stopping_) return;
            started_ = frames_;
            generation = generation_;
        }
        background_pass(generation);
    }
}

void Checkpointer::background_pass(int generation) {
    std::lock_guard pass(pass_);
    const int copied = checkpoint_passive(own_->handle());
    std::lock_guard lock(mutex_);
    if (generation == generation_ && copied > copied_) copied_ = copied;
}

// Whether the writer should copy the tail now, and whether it may wait for a
// background pass in progress to do so.
bool Checkpointer::writer_may_finish() {
    std::lock_guard lock(mutex_);
    if (frames_ < kFinishFrames) return false;
    // Tried already and the WAL is still long (a reader's snapshot, a full
    // disk): try again once it has grown by another interval, not every batch.
    if (finish_attempted_ != 0 && frames_ - finish_attempted_ < kBackgroundFrames) return false;
    return frames_ - copied_ <= kTailFrames || frames_ >= 2 * kFinishFrames;
}

void Checkpointer::between_transactions() {
    if (!writer_may_finish()) return;
    // Does not wait for a background pass in progress (that stalled the
    // writer for tens of milliseconds) unless the WAL is twice as long as it
    // should be: the pass will have copied most of what is left.
    std::unique_lock pass(pass_, std::try_to_lock);
    bool overdue;
    {
        std::lock_guard lock(mutex_);
        overdue = frames_ >= 2 * kFinishFrames;
    }
    if (!pass.owns_lock() && !overdue) return;
    if (!pass.owns_lock()) pass.lock();
    {
        std::lock_guard lock(mutex_);
        finish_attempted_ = frames_;
    }
    checkpoint_passive(writer_.handle());
}

}  // namespace safesurvey::storage
