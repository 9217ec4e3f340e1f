// Checkpoints kept off the commit path.
//
// With SQLite's automatic checkpoints, every ~1,000 WAL pages one COMMIT also
// copies the WAL into the database file and syncs it, on the writer thread:
// every submission in that batch waits for the copy, and nothing is written in
// the meantime. Measured on the 2-core build machine, turning them off alone
// took group commit at 128 writers from ~4,700 to ~6,400 submissions/s (see
// docs/performance.md). Instead:
//
//  * a thread of its own, with a connection of its own, copies the WAL into
//    the database (PASSIVE: it never blocks the writer or a reader) each time
//    the writer's commits have added kBackgroundFrames pages to the WAL;
//  * a passive checkpoint cannot restart the WAL while the writer keeps
//    appending to it, so once the WAL holds kFinishFrames pages the thread
//    runs passes back to back until at most kTailFrames remain uncopied, and
//    then the writer, between two batches, copies that tail itself; its next
//    transaction writes the WAL from the start again. Should the thread not
//    catch up (a slow disk), the writer finishes regardless at twice
//    kFinishFrames. That bounds the WAL as long as no reader holds an old
//    snapshot (a backup in progress); journal_size_limit then trims the file.
//
// Durability is unchanged: a commit is synced to the WAL before COMMIT
// returns, and a checkpoint (synchronous=FULL on both connections) syncs the
// database file before SQLite lets the WAL be reused.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

#include "storage/sqlite_connection.hpp"

namespace safesurvey::storage {

class Checkpointer {
  public:
    // A checkpoint writes each page once however often the WAL holds it, so
    // longer intervals write less: 31 KB per submission at 1,000 / 8,000
    // frames, 27 at 4,000 / 16,000 (group commit, 128 writers). Longer still
    // saved little (26 KB at 8,000 / 16,000) and the WAL grows with them.
    static constexpr int kBackgroundFrames = 4000;  // ~16 MB of 4 KB pages
    static constexpr int kFinishFrames = 16000;     // ~64 MB
    // What the writer copies itself while no batch is applied: the smaller,
    // the shorter that stall.
    static constexpr int kTailFrames = 1000;

    // Takes over checkpointing for `writer` (installing its WAL hook, which
    // replaces SQLite's automatic checkpoints) and starts the thread. `own` is
    // a second read-write connection to the same database, made durable.
    Checkpointer(Connection& writer, std::unique_ptr<Connection> own);
    // Stops the thread and hands checkpointing back to SQLite's default.
    ~Checkpointer();
    Checkpointer(const Checkpointer&) = delete;
    Checkpointer& operator=(const Checkpointer&) = delete;

    // Call on the writer's thread between transactions: finishes the
    // checkpoint when the WAL has grown long (see above). Failures (a full
    // disk, a reader holding an old snapshot) only leave the WAL longer; they
    // are retried after the WAL has grown again.
    void between_transactions();

  private:
    static int on_commit(void* self, sqlite3* db, const char* name, int frames);
    bool pass_due() const;  // with mutex_ held
    void loop();
    void background_pass(int generation);
    bool writer_may_finish();

    Connection& writer_;
    std::unique_ptr<Connection> own_;
    std::mutex mutex_;  // guards the fields below
    std::condition_variable wake_;
    int frames_ = 0;            // pages in the WAL after the last commit
    int started_ = 0;           // frames_ when the thread last started a pass
    int copied_ = 0;            // frames of the WAL known to be in the database
    int finish_attempted_ = 0;  // frames_ when the writer last tried to finish
    int generation_ = 0;        // WAL restarts seen, so a pass never reports on a later WAL
    bool stopping_ = false;
    std::mutex pass_;  // one checkpoint at a time, the background thread's or the writer's
    std::thread thread_;
};

}  // namespace safesurvey::storage
