package dev.flotilla.runtime.internal.client;

import dev.flotilla.protocol.scheduler.v1.DriverServiceGrpc;
import java.util.List;

/** Where the code package hashes of a submitted task come from. */
@FunctionalInterface
public interface CodePackageSource {
  /** The hashes, uploading what the cluster lacks first (may block on the first call). */
  List<String> hashes(DriverServiceGrpc.DriverServiceBlockingStub stub);
}
