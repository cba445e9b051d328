/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.bench.jmh;

import com.dslplatform.json.JsonReader;
import com.dslplatform.json.JsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A type's members in declaration order: each name pre-encoded for writing ({@code "name":}, with the comma before
 * every member but the first), and its bytes and DSL-JSON's hash of them for reading.
 */
final class DslJsonMembers {
  private final byte[][] written;
  private final byte[][] names;
  private final int[] hashes;
  private final int required;

  DslJsonMembers(List<String> names, int... primitives) {
    this.written = new byte[names.size()][];
    this.names = new byte[names.size()][];
    this.hashes = new int[names.size()];
    for (int i = 0; i < names.size(); i++) {
      String quoted = "\"" + names.get(i) + "\":";
      this.written[i] = (i == 0 ? quoted : "," + quoted).getBytes(StandardCharsets.UTF_8);
      this.names[i] = names.get(i).getBytes(StandardCharsets.UTF_8);
      this.hashes[i] = hashOf(quoted);
    }
    int mask = 0;
    for (int primitive : primitives) {
      mask |= 1 << primitive;
    }
    this.required = mask;
  }

  /** The hash DSL-JSON's reader computes for a name: asked of the reader itself, so nothing here repeats it. */
  private static int hashOf(String quotedName) {
    byte[] bytes = quotedName.getBytes(StandardCharsets.UTF_8);
    try {
      JsonReader<Object> r = DslJsonCodec.DSL.newReader(bytes);
      r.getNextToken();
      return r.fillName();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void name(JsonWriter w, int index) {
    w.writeAscii(written[index]);
  }

  /** At a member's name: moves to its value and returns its index, comparing the expected one first. */
  int at(JsonReader<?> r, int expected) throws IOException {
    int hash = r.fillName();
    int member = indexOf(r, hash, expected);
    if (member == DslJsonCodec.END) {
      throw r.newParseError("unknown member '" + r.getLastName() + "'");
    }
    r.getNextToken();
    return member;
  }

  private int indexOf(JsonReader<?> r, int hash, int expected) {
    if (expected < names.length && hashes[expected] == hash && r.wasLastName(names[expected])) {
      return expected;
    }
    for (int i = 0; i < names.length; i++) {
      if (hashes[i] == hash && r.wasLastName(names[i])) {
        return i;
      }
    }
    return DslJsonCodec.END;
  }

  int seen(JsonReader<?> r, int seen, int member) throws IOException {
    int bit = 1 << member;
    if ((seen & bit) != 0) {
      throw r.newParseError("member '" + new String(names[member], StandardCharsets.UTF_8)
          + "' appears more than once");
    }
    return seen | bit;
  }

  void require(JsonReader<?> r, int seen) throws IOException {
    int missing = required & ~seen;
    if (missing != 0) {
      String name = new String(names[Integer.numberOfTrailingZeros(missing)], StandardCharsets.UTF_8);
      throw r.newParseError("member '" + name + "' is missing; a primitive member needs a value");
    }
  }
}
