#include "storage/write_queue.hpp"

#include <exception>
#include <future>

namespace safesurvey::storage {

namespace {

// Failures that mean the transaction as a whole cannot commit.
bool dooms_batch(const Error& error) {
    return error.kind == ErrorKind::unavailable || error.kind == ErrorKind::corrupt;
}

}  // namespace

WriteQueue::WriteQueue(std::unique_ptr<Connection> db, std::unique_ptr<Connection> checkpoint_db,
                       std::size_t max_batch)
    : db_(std::move(db)), max_batch_(max_batch == 0 ? 1 : max_batch) {
    if (checkpoint_db)
        checkpointer_ = std::make_unique<Checkpointer>(*db_, std::move(checkpoint_db));
    thread_ = std::thread([this] { loop(); });
}

WriteQueue::~WriteQueue() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_one();
    thread_.join();
}

void WriteQueue::post(Apply apply, Done done, Undo undo) {
    {
        std::lock_guard lock(mutex_);
        queue_.push_back({std::move(apply), std::move(done), false, undo});
    }
    wake_.notify_one();
}

Status WriteQueue::run(Apply apply) {
    std::promise<Status> promise;
    auto future = promise.get_future();
    post(std::move(apply), [&promise](const Status& s) { promise.set_value(s); });
    return future.get();
}

Status WriteQueue::run_alone(Apply work) {
    std::promise<Status> promise;
    auto future = promise.get_future();
    {
        std::lock_guard lock(mutex_);
        queue_.push_back(
            {std::move(work), [&promise](const Status& s) { promise.set_value(s); }, true});
    }
    wake_.notify_one();
    return future.get();
}

std::size_t WriteQueue::commits() const {
    std::lock_guard lock(mutex_);
    return commits_;
}

void WriteQueue::loop() {
    std::vector<Job> batch;
    for (;;) {
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
            if (queue_.empty()) return;  // stopping, and nothing left to do
            // Take whatever queued while the last commit ran; a job that must
            // run alone forms a batch of its own.
            if (queue_.front().alone) {
                batch.push_back(std::move(queue_.front()));
                queue_.pop_front();
            } else {
                while (!queue_.empty() && !queue_.front().alone && batch.size() < max_batch_) {
                    batch.push_back(std::move(queue_.front()));
                    queue_.pop_front();
                }
            }
        }
        if (batch.front().alone) {
            const Status status = apply_one(batch.front());
            batch.front().done(status);
        } else {
            commit_batch(batch);
        }
        batch.clear();
        if (checkpointer_) checkpointer_->between_transactions();
    }
}

Status WriteQueue::apply_one(Job& job) {
    try {
        return job.apply(*db_);
    } catch (const std::exception& e) {
        return Error{ErrorKind::unavailable, std::string("internal storage error: ") + e.what()};
    }
}

// Applies one job of a batch, setting its own `result`; returns the batch's
// status, which is not ok only when the whole transaction cannot go on.
Status WriteQueue::apply_in_batch(Job& job, Status& result) {
    const bool savepoint = job.undo == Undo::by_savepoint;
    if (savepoint) {
        if (auto s = db_->cached("SAVEPOINT job").run("starting a savepoint"); !s) return s;
    }
    result = apply_one(job);
    if (result.ok()) {
        return savepoint ? db_->cached("RELEASE job").run("releasing a savepoint") : ok_status();
    }
    if (dooms_batch(result.error()) || !db_->in_transaction()) return result;
    if (!savepoint) return ok_status();  // SQLite undid the failed statement
    // This job alone is undone; the rest of the batch goes ahead.
    if (auto s = db_->cached("ROLLBACK TO job").run("undoing a failed job"); !s) return s;
    return db_->cached("RELEASE job").run("releasing a savepoint");
}

void WriteQueue::commit_batch(std::vector<Job>& batch) {
    std::vector<Status> results(batch.size(), ok_status());
    Status batch_status = db_->exec("BEGIN IMMEDIATE", "starting a transaction");
    for (std::size_t i = 0; i < batch.size() && batch_status.ok(); ++i)
        batch_status = apply_in_batch(batch[i], results[i]);
    if (batch_status.ok()) batch_status = db_->exec("COMMIT", "committing");
    if (!batch_status.ok()) {
        // Nothing of the batch is kept; every job hears why.
        if (db_->in_transaction()) (void)db_->exec("ROLLBACK", "rolling back");
        for (auto& r : results) r = batch_status;
    }
    {
        std::lock_guard lock(mutex_);
        ++commits_;
    }
    for (std::size_t i = 0; i < batch.size(); ++i) batch[i].done(results[i]);
}

}  // namespace safesurvey::storage
