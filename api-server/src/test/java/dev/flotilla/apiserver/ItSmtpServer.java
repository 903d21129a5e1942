package dev.flotilla.apiserver;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A small but real SMTP server on loopback, the ITs' mail server: plaintext, no authentication;
 * HELO/EHLO, MAIL FROM, RCPT TO, DATA, RSET, NOOP, QUIT. It keeps every message it accepts. It can
 * be stopped (connections are then refused) and started again on the same port. Thread-safe.
 */
public final class ItSmtpServer implements AutoCloseable {
  /** One accepted message: the envelope sender and recipients, and the raw data (dot-unstuffed). */
  public record Message(String from, List<String> to, String data) {
    /** The decoded text of all its parts ({@link ItMime}). */
    public String text() {
      return ItMime.text(data);
    }
  }

  private final List<Message> received = new CopyOnWriteArrayList<>();
  private final BlockingQueue<Message> arrivals = new LinkedBlockingQueue<>();
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final int port;
  private volatile ServerSocket listener;

  private ItSmtpServer(ServerSocket listener) {
    this.listener = listener;
    this.port = listener.getLocalPort();
    accept(listener);
  }

  /** Listens on a free loopback port. */
  public static ItSmtpServer start() {
    return new ItSmtpServer(bind(0));
  }

  public int port() {
    return port;
  }

  /** Every message accepted so far, oldest first. */
  public List<Message> received() {
    return List.copyOf(received);
  }

  /** Messages to this recipient so far. */
  public List<Message> receivedBy(String address) {
    return received.stream().filter(m -> m.to().contains(address)).toList();
  }

  /** Waits (at most {@code timeout}) for a message to this recipient; fails saying what was awaited. */
  public Message awaitFor(String address, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<Message> already = receivedBy(address);
    if (!already.isEmpty()) {
      return already.getFirst();
    }
    while (System.nanoTime() < deadline) {
      Message m = arrivals.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (m != null && m.to().contains(address)) {
        return m;
      }
    }
    throw new AssertionError("no e-mail to " + address + " within " + timeout + "; received: "
        + received.stream().map(Message::to).toList());
  }

  /** Stops listening and drops open connections: senders get "connection refused". */
  public synchronized void stop() {
    try {
      listener.close();
      for (Socket s : open) {
        s.close();
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot stop the SMTP server", e);
    }
  }

  /** Listens again on the same port. */
  public synchronized void restart() {
    if (listener.isClosed()) {
      listener = bind(port);
      accept(listener);
    }
  }

  @Override
  public void close() {
    stop();
  }

  private static ServerSocket bind(int port) {
    try {
      ServerSocket s = new ServerSocket();
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return s;
    } catch (IOException e) {
      throw new IllegalStateException("cannot listen on loopback port " + port, e);
    }
  }

  private void accept(ServerSocket socket) {
    Thread.ofPlatform().daemon().name("it-smtp-accept").start(() -> {
      while (!socket.isClosed()) {
        try {
          Socket client = socket.accept();
          open.add(client);
          Thread.ofPlatform().daemon().name("it-smtp-session").start(() -> session(client));
        } catch (IOException e) {
          return; // closed by stop()
        }
      }
    });
  }

  private void session(Socket client) {
    try (client;
        var in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
        OutputStream out = client.getOutputStream()) {
      reply(out, "220 it-smtp ready");
      String from = null;
      List<String> to = new ArrayList<>();
      String line;
      while ((line = in.readLine()) != null) {
        String verb = line.length() < 4 ? line.toUpperCase() : line.substring(0, 4).toUpperCase();
        switch (verb) {
          case "HELO", "EHLO" -> reply(out, "250 it-smtp");
          case "MAIL" -> {
            from = address(line);
            to.clear();
            reply(out, "250 sender ok");
          }
          case "RCPT" -> {
            to.add(address(line));
            reply(out, "250 recipient ok");
          }
          case "DATA" -> {
            reply(out, "354 end with <CRLF>.<CRLF>");
            Message m = new Message(from, List.copyOf(to), data(in));
            received.add(m);
            arrivals.add(m);
            reply(out, "250 queued");
          }
          case "RSET" -> {
            from = null;
            to.clear();
            reply(out, "250 reset");
          }
          case "NOOP" -> reply(out, "250 ok");
          case "QUIT" -> {
            reply(out, "221 bye");
            return;
          }
          default -> reply(out, "502 command not implemented");
        }
      }
    } catch (IOException e) {
      // the sender hung up, or stop() closed the connection
    } finally {
      open.remove(client);
    }
  }

  private static String data(BufferedReader in) throws IOException {
    StringBuilder b = new StringBuilder();
    String line;
    while ((line = in.readLine()) != null && !line.equals(".")) {
      b.append(line.startsWith("..") ? line.substring(1) : line).append("\r\n");
    }
    return b.toString();
  }

  /** The address in {@code MAIL FROM:<a@b>} or {@code RCPT TO:<a@b>}, lower-cased. */
  private static String address(String line) {
    int open = line.indexOf('<');
    int close = line.indexOf('>', open + 1);
    String raw = open >= 0 && close > open ? line.substring(open + 1, close) : line.substring(line.indexOf(':') + 1).trim();
    return raw.toLowerCase(java.util.Locale.ROOT);
  }

  private static void reply(OutputStream out, String line) throws IOException {
    out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }
}
