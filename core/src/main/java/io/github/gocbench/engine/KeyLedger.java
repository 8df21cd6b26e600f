package io.github.gocbench.engine;

/**
 * Time-based invariant checks for keys whose rows may be deleted (churn) or that are reused over
 * a long run (steady workloads): which rows of a key provably existed during a call.
 *
 * <p>The rules (certain, no false positives). A row of key k is recorded by the call that
 * answered CREATED with it, with that call's end (its row was committed by then), and by the start
 * of the first DELETE of it (recorded before the DELETE is sent). A row Y <em>provably existed
 * during all of call c</em> when Y's creator returned before c started and nobody had started
 * deleting Y by the time c ended. Two rows X and Y <em>provably existed at once</em> when both
 * creators had returned before anybody started deleting either. Then, for a call c that answered
 * with id y:
 * <ul>
 *   <li>c answered CREATED with y while another row X of k provably existed at the same time as
 *       y: {@code DOUBLE_CREATE} and {@code DUPLICATE_ROWS} (two rows of one key stood at once;
 *       whichever of the two calls records second is flagged, so the order in which the records
 *       land loses nothing). This still sees a double create when every caller deletes its row
 *       right after use (churn), as long as both creates returned before either delete began;</li>
 *   <li>c answered CREATED with y, and an earlier-recorded call answered CREATED with y too: only
 *       one of them inserted it ({@code DOUBLE_CREATE}: a FOUND reported as CREATED);</li>
 *   <li>c answered (CREATED or FOUND) with y while another row provably existed during all of c:
 *       {@code ID_MISMATCH}.</li>
 * </ul>
 * Each call counts at most one of each.
 *
 * <p>Why the timestamps are safe: a deleter records "delete of Y starts at t" under the key's lock
 * <em>before</em> it sends the DELETE; a caller measures its end time, then checks under the same
 * lock. If the caller sees no delete mark, any later mark carries a time after the caller's end.
 * A delete of a row whose creator has not recorded it yet leaves a tombstone that the creator's
 * record picks up; if a key's small tombstone list overflows, the key is no longer checked
 * (losing detections, never inventing one).
 *
 * <p>Memory: {@code slots * (3 * ROWS + 2 * TOMBS) * 8} bytes, fixed at construction (about
 * 80 bytes per key); the engine uses a ledger only up to {@link #MAX_SLOTS} keys. Rows beyond
 * {@code ROWS} per key (possible only without the unique constraint) are not tracked.
 * Thread-safe.
 */
final class KeyLedger {

    /** Largest number of keys a ledger is built for (8 MB). */
    static final int MAX_SLOTS = 100_000;
    /** Bit in {@link #onSuccess}'s answer: the call is a certain double create. */
    static final int DOUBLE_CREATE = 1;
    /** Bit in {@link #onSuccess}'s answer: the call is a certain id mismatch. */
    static final int ID_MISMATCH = 2;
    /** Bit in {@link #onSuccess}'s answer: two rows of the key provably stood at once. */
    static final int DUPLICATE_ROWS = 4;

    private static final int ROWS = 2;
    private static final int TOMBS = 2;
    private static final long NONE = Long.MIN_VALUE;
    private static final long NOT_DELETED = Long.MAX_VALUE;
    private static final int STRIPES = 256;

    private final long[] rowId;
    private final long[] rowCreatedEnd;
    private final long[] rowDeleteStart;
    private final long[] tombId;
    private final long[] tombTime;
    private final boolean[] unsure;
    private final Object[] locks = new Object[STRIPES];

    KeyLedger(int slots) {
        if (slots < 1 || slots > MAX_SLOTS) {
            throw new IllegalArgumentException("ledger slots must be in 1.." + MAX_SLOTS + ", got " + slots);
        }
        rowId = new long[slots * ROWS];
        rowCreatedEnd = new long[slots * ROWS];
        rowDeleteStart = new long[slots * ROWS];
        tombId = new long[slots * TOMBS];
        tombTime = new long[slots * TOMBS];
        unsure = new boolean[slots];
        java.util.Arrays.fill(rowId, NONE);
        java.util.Arrays.fill(tombId, NONE);
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new Object();
        }
    }

    /** Forgets everything about {@code slot} (a new race round reuses slot 0 for a fresh key). */
    void reset(int slot) {
        synchronized (lock(slot)) {
            for (int r = 0; r < ROWS; r++) {
                rowId[slot * ROWS + r] = NONE;
            }
            for (int t = 0; t < TOMBS; t++) {
                tombId[slot * TOMBS + t] = NONE;
            }
            unsure[slot] = false;
        }
    }

    /**
     * Records a successful call and checks it.
     *
     * @param slot    the key's slot
     * @param id      the id the call got
     * @param created whether the call answered CREATED
     * @param start   when the call started (nanoTime)
     * @param end     when the call's answer was committed (nanoTime), measured before calling this
     * @return a bit set of {@link #DOUBLE_CREATE} and {@link #ID_MISMATCH}
     */
    int onSuccess(int slot, long id, boolean created, long start, long end) {
        synchronized (lock(slot)) {
            int flags = 0;
            boolean known = false;
            if (!unsure[slot]) {
                long ownDeleteStart = created ? tombstone(slot, id) : NOT_DELETED;
                for (int r = slot * ROWS; r < slot * ROWS + ROWS; r++) {
                    if (rowId[r] == NONE) {
                        continue;
                    }
                    boolean stoodThroughout = rowCreatedEnd[r] < start && rowDeleteStart[r] > end;
                    if (rowId[r] == id) {
                        known = true;
                        if (created) {
                            flags |= DOUBLE_CREATE; // a second call claims to have inserted this very row
                        }
                        continue;
                    }
                    if (stoodThroughout) {
                        flags |= ID_MISMATCH;
                    }
                    long bothStood = Math.max(rowCreatedEnd[r], end);
                    if (created && rowDeleteStart[r] > bothStood && ownDeleteStart > bothStood) {
                        flags |= DOUBLE_CREATE | DUPLICATE_ROWS;
                    }
                }
            } else {
                known = isTracked(slot, id);
            }
            if (created && !known) {
                addRow(slot, id, end);
            }
            return flags;
        }
    }

    /** Records that a DELETE of row {@code id} of this slot starts now, at {@code time}; call before sending it. */
    void onDeleteStart(int slot, long id, long time) {
        synchronized (lock(slot)) {
            for (int r = slot * ROWS; r < slot * ROWS + ROWS; r++) {
                if (rowId[r] == id) {
                    rowDeleteStart[r] = Math.min(rowDeleteStart[r], time);
                    return;
                }
            }
            for (int t = slot * TOMBS; t < slot * TOMBS + TOMBS; t++) {
                if (tombId[t] == NONE || tombId[t] == id) {
                    tombTime[t] = tombId[t] == id ? Math.min(tombTime[t], time) : time;
                    tombId[t] = id;
                    return;
                }
            }
            unsure[slot] = true; // a delete we cannot remember: stop judging this key
        }
    }

    /** When a DELETE of not-yet-recorded row {@code id} started, or NOT_DELETED; call under the slot's lock. */
    private long tombstone(int slot, long id) {
        for (int t = slot * TOMBS; t < slot * TOMBS + TOMBS; t++) {
            if (tombId[t] == id) {
                return tombTime[t];
            }
        }
        return NOT_DELETED;
    }

    private boolean isTracked(int slot, long id) {
        for (int r = slot * ROWS; r < slot * ROWS + ROWS; r++) {
            if (rowId[r] == id) {
                return true;
            }
        }
        return false;
    }

    private void addRow(int slot, long id, long end) {
        long deleteStart = NOT_DELETED;
        for (int t = slot * TOMBS; t < slot * TOMBS + TOMBS; t++) {
            if (tombId[t] == id) {
                deleteStart = tombTime[t];
                tombId[t] = NONE;
            }
        }
        int victim = -1;
        for (int r = slot * ROWS; r < slot * ROWS + ROWS; r++) {
            if (rowId[r] == NONE) {
                victim = r;
                break;
            }
            // replace the row whose delete started earliest (it can matter to the fewest calls)
            if (rowDeleteStart[r] != NOT_DELETED
                    && (victim < 0 || rowDeleteStart[r] < rowDeleteStart[victim])) {
                victim = r;
            }
        }
        if (victim < 0) {
            return; // every tracked row still stands: keep them, lose only detections
        }
        rowId[victim] = id;
        rowCreatedEnd[victim] = end;
        rowDeleteStart[victim] = deleteStart;
    }

    private Object lock(int slot) {
        return locks[slot & (STRIPES - 1)];
    }
}
