/**
 * The Apache Pekko peer of the actor benchmarks: the same 1:1 call, measured on the same machine in
 * the same run, between two JVMs with Pekko typed actors and remoting over Artery TCP on loopback.
 *
 * <p>Main types: {@link dev.flotilla.bench.pekko.PekkoServer} (the server JVM's main: one actor
 * that answers every {@link dev.flotilla.bench.pekko.PingPong.Ping}), {@link
 * dev.flotilla.bench.pekko.PekkoClient} (starts the server process, asks it sync or with many asks
 * outstanding) and {@link dev.flotilla.bench.pekko.PingPongSerializer} (a minimal serializer, so
 * the figure is Pekko's remoting and ask pattern rather than a serialization library's).
 *
 * <p>Threading: Pekko's own dispatchers deliver the messages; the client's caller blocks on the
 * replies' futures and registers no callbacks, so no common pool is involved.
 */
package dev.flotilla.bench.pekko;
