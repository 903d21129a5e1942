package dev.flotilla.testing;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The actor that {@link ActorChaosIT}'s senders report to: remembers which (sender, sequence
 * number) pairs arrived. Never killed. One call at a time (the actor default), so plain maps do.
 */
public class ChaosCollector {
  private final Map<Integer, BitSet> seen = new HashMap<>();
  private long records;

  public int record(int sender, int seq) {
    seen.computeIfAbsent(sender, s -> new BitSet()).set(seq);
    records++;
    return seq;
  }

  /** Every record call, duplicates included. */
  public long records() {
    return records;
  }

  public long pid() {
    return ProcessHandle.current().pid();
  }

  /** The pairs that never arrived, as "sender/seq", for senders 0..n-1 and seqs below {@code sent[sender]}. */
  public List<String> missing(int[] sent) {
    List<String> out = new ArrayList<>();
    for (int s = 0; s < sent.length; s++) {
      BitSet got = seen.getOrDefault(s, new BitSet());
      for (int seq = got.nextClearBit(0); seq < sent[s]; seq = got.nextClearBit(seq + 1)) {
        out.add(s + "/" + seq);
      }
    }
    return out;
  }
}
