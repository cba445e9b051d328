/*
 * Copyright 2026 The Courier Authors. Licensed under the Apache License, Version 2.0.
 */
package dev.courier.examples.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Turns the main description of a javadoc comment (as {@code Elements.getDocComment} returns it) into Markdown:
 * paragraphs ({@code <p>}), {@code <pre>{@code ...}</pre>} blocks, lists, {@code <em>}, and the inline tags
 * {@code {@code}}, {@code {@link}}, {@code {@linkplain}} and {@code {@value}}. Block tags ({@code @return},
 * {@code @param}, ...) are left out: the reference shows types and defaults itself. Anything else it does not know
 * is an error, so that the docs never show raw javadoc.
 */
final class Javadoc {
  private Javadoc() {}

  /**
   * Converts a comment.
   *
   * @param doc the comment
   * @param values resolves a {@code {@value}} reference such as {@code #NOT_FIXED} to the constant's value
   * @return Markdown paragraphs separated by blank lines, without trailing newline
   */
  static String markdown(String doc, UnaryOperator<String> values) {
    List<String> blocks = new ArrayList<>();
    StringBuilder paragraph = new StringBuilder();
    String text = mainDescription(doc);
    int i = 0;
    while (i < text.length()) {
      if (text.startsWith("<pre>", i)) {
        int end = text.indexOf("</pre>", i);
        if (end < 0) {
          throw new IllegalArgumentException("<pre> without </pre> in: " + doc);
        }
        flush(paragraph, blocks);
        blocks.add(preformatted(text.substring(i + "<pre>".length(), end)));
        i = end + "</pre>".length();
      } else if (text.startsWith("<p>", i)) {
        flush(paragraph, blocks);
        i += "<p>".length();
      } else if (text.startsWith("<ul>", i) || text.startsWith("</ul>", i)) {
        flush(paragraph, blocks);
        i = text.indexOf('>', i) + 1;
      } else if (text.startsWith("<li>", i)) {
        flush(paragraph, blocks);
        paragraph.append("- ");
        i += "<li>".length();
      } else if (text.startsWith("</li>", i)) {
        i += "</li>".length();
      } else if (text.startsWith("<em>", i) || text.startsWith("</em>", i)) {
        paragraph.append('*');
        i = text.indexOf('>', i) + 1;
      } else if (text.startsWith("{@", i)) {
        int end = closingBrace(text, i);
        paragraph.append(inlineTag(text.substring(i + 2, end), values));
        i = end + 1;
      } else if (text.charAt(i) == '<') {
        throw new IllegalArgumentException("unsupported HTML at '" + text.substring(i, Math.min(text.length(), i + 20))
            + "' in: " + doc);
      } else {
        char c = text.charAt(i++);
        paragraph.append(Character.isWhitespace(c) ? ' ' : c);
      }
    }
    flush(paragraph, blocks);
    // Lists: consecutive "- " items form one block.
    List<String> merged = new ArrayList<>();
    for (String block : blocks) {
      if (block.startsWith("- ") && !merged.isEmpty() && merged.get(merged.size() - 1).startsWith("- ")) {
        merged.set(merged.size() - 1, merged.get(merged.size() - 1) + "\n" + block);
      } else {
        merged.add(block);
      }
    }
    return String.join("\n\n", merged);
  }

  /** The text before the first block tag; a line that starts with {@code @} inside {@code <pre>} is not one. */
  private static String mainDescription(String doc) {
    StringBuilder sb = new StringBuilder();
    boolean inPre = false;
    for (String line : doc.split("\n", -1)) {
      if (!inPre && line.trim().startsWith("@")) {
        break;
      }
      if (line.contains("<pre>")) {
        inPre = true;
      }
      if (line.contains("</pre>")) {
        inPre = false;
      }
      sb.append(line).append('\n');
    }
    return sb.toString();
  }

  private static String preformatted(String content) {
    String code = content.strip();
    if (code.startsWith("{@code") && code.endsWith("}")) {
      code = code.substring("{@code".length(), code.length() - 1);
    }
    List<String> lines = new ArrayList<>(List.of(code.split("\n", -1)));
    while (!lines.isEmpty() && lines.get(0).isBlank()) {
      lines.remove(0);
    }
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
      lines.remove(lines.size() - 1);
    }
    int indent = lines.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length())
        .min().orElse(0);
    StringBuilder sb = new StringBuilder("```java\n");
    for (String line : lines) {
      sb.append(line.length() >= indent ? line.substring(indent) : line.strip()).append('\n');
    }
    return sb.append("```").toString();
  }

  private static String inlineTag(String tag, UnaryOperator<String> values) {
    int space = indexOfWhitespace(tag);
    String name = space < 0 ? tag : tag.substring(0, space);
    String body = space < 0 ? "" : tag.substring(space + 1).strip();
    switch (name) {
      case "code":
      case "literal":
        return "`" + body.replaceAll("\\s+", " ") + "`";
      case "link":
      case "linkplain": {
        int labelStart = indexOfWhitespace(body);
        if (labelStart > 0) {
          return body.substring(labelStart + 1).strip();
        }
        String reference = body.startsWith("#") ? body.substring(1) : body.replace('#', '.');
        return "`" + reference.replaceAll("\\(.*\\)", "()").replace("()", "") + "`";
      }
      case "value":
        return "`" + values.apply(body) + "`";
      default:
        throw new IllegalArgumentException("unsupported inline tag {@" + tag + "}");
    }
  }

  private static int closingBrace(String text, int start) {
    int depth = 0;
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return i;
      }
    }
    throw new IllegalArgumentException("unclosed inline tag at: " + text.substring(start));
  }

  private static int indexOfWhitespace(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isWhitespace(s.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  private static void flush(StringBuilder paragraph, List<String> blocks) {
    String text = paragraph.toString().replaceAll(" {2,}", " ").strip();
    if (!text.isEmpty()) {
      blocks.add(text);
    }
    paragraph.setLength(0);
  }
}
