-- pakn schema, part 11: how the search index (letters_fts) merges its segments.
--
-- FTS5 writes each letter registered as a new small segment (the trigger's insert is flushed at the
-- next statement of the group commit) and merges segments in the background of later writes: by
-- default once 4 sit on one level, so at 1 000 000 letters an entry is rewritten about ten times on
-- its way up. Merging 16 at a time rewrites it about five times. At 1 000 000 letters under intake
-- the search index was ~40 % of the writer thread's work (measured by dropping its trigger), and with
-- this change staff letters went from 1 231–1 624 to 1 898–2 095 a second in interleaved runs, near
-- the rate without any index (bench/analysis.md). A level may now hold up to 16
-- segments where it held 4; a search reads each, a few pages more: no difference measured.
-- crisismerge (a level merged all at once, inside one write) moves from 16 to 64, so that levels
-- are merged step by step with the writes, as before, rather than at once when a level fills.
INSERT INTO letters_fts (letters_fts, rank) VALUES ('automerge', 16);
INSERT INTO letters_fts (letters_fts, rank) VALUES ('crisismerge', 64);
