// The single writer, with group commit.
//
// Every change to the response database is a job posted here. One thread takes
// *everything* that queued while the previous commit was being made durable,
// applies it in one transaction (each job under its own savepoint, or for a
// job of one statement SQLite's own statement rollback, so a job that fails
// leaves the others alone), commits with synchronous=FULL, and only then
// reports each job's outcome. There is no linger timer: under load the
// queue refills during each fsync, which is what makes batches large; when
// idle a job commits at once. (A fixed 1 ms linger measured at a third of the
// throughput at 10 clients.)
//
// If the disk is full or read-only, the whole batch is rolled back and every
// job in it hears `unavailable`; the next batch simply tries again, so the
// store recovers by itself when space returns.
//
// Checkpoints do not run inside commits: given a second connection, a
// Checkpointer copies the WAL into the database beside the writer and the
// writer only finishes the job between batches when the WAL is long
// (checkpointer.hpp).
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "storage/checkpointer.hpp"
#include "storage/result.hpp"
#include "storage/sqlite_connection.hpp"

namespace safesurvey::storage {

class WriteQueue {
  public:
    // Runs on the writer thread inside the batch's transaction.
    using Apply = std::function<Status(Connection&)>;
    // Runs on the writer thread once the batch is durable (or has failed),
    // with the job's own status or the commit's. Must not block.
    using Done = std::function<void(const Status&)>;

    // `max_batch` 1 gives one transaction per job (the benchmark's reference).
    // `checkpoint_db`, a second connection to the same database, takes
    // checkpoints off the commit path; without it SQLite checkpoints in COMMIT.
    WriteQueue(std::unique_ptr<Connection> db, std::unique_ptr<Connection> checkpoint_db,
               std::size_t max_batch);
    // Finishes what is queued, then stops the thread.
    ~WriteQueue();
    WriteQueue(const WriteQueue&) = delete;
    WriteQueue& operator=(const WriteQueue&) = delete;

    // How a failed job is undone while the rest of its batch goes on.
    enum class Undo {
        by_savepoint,  // any job: it runs inside a savepoint of its own
        // A job whose only change is one statement. SQLite undoes a failed
        // statement by itself (a constraint), so the savepoint and its
        // release are saved: ~6 us of the writer's ~30 us per submission.
        by_statement,
    };

    void post(Apply apply, Done done, Undo undo = Undo::by_savepoint);
    // Posts and waits for the outcome. Not for network threads.
    Status run(Apply apply);
    // Runs `work` on the writer thread between transactions (checkpoints,
    // statements that cannot run inside a transaction) and waits for it.
    Status run_alone(Apply work);

    // Number of commits and jobs so far (for the benchmark's batch-size figure).
    std::size_t commits() const;

  private:
    struct Job {
        Apply apply;
        Done done;
        bool alone = false;
        Undo undo = Undo::by_savepoint;
    };
    void loop();
    void commit_batch(std::vector<Job>& batch);
    Status apply_one(Job& job);
    Status apply_in_batch(Job& job, Status& result);

    std::unique_ptr<Connection> db_;
    std::unique_ptr<Checkpointer> checkpointer_;  // after db_: stopped before it closes
    const std::size_t max_batch_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<Job> queue_;
    bool stopping_ = false;
    std::size_t commits_ = 0;
    std::thread thread_;
};

}  // namespace safesurvey::storage
