package dev.flotilla.examples;

import dev.flotilla.api.Flotilla;
import dev.flotilla.api.ObjectRef;
import java.util.ArrayList;
import java.util.List;

/** The README's example: squares on the cluster, then a sum that takes refs as arguments. */
public final class QuickStart {
  private QuickStart() {}

  public static int square(int x) {
    return x * x;
  }

  public static int sum(List<Integer> xs) {
    return xs.stream().mapToInt(Integer::intValue).sum();
  }

  public static void main(String[] args) {
    try (Flotilla fl = Flotilla.connect()) {               // FLOTILLA_ADDRESS or ~/.flotilla/address
      List<ObjectRef<Integer>> squares = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        squares.add(fl.task(QuickStart::square, i).remote()); // runs on a gpu-worker's executor
      }
      List<Integer> values = fl.get(squares);
      ObjectRef<Integer> total = fl.task(QuickStart::sum, values).remote();
      System.out.println("squares: " + values + "\nsum: " + total.get());
    }
  }
}
