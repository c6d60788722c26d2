package dev.messaging.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The part of a reply its sender wrote: the text above the quoted email ("On ... wrote:", an
 * "-----Original Message-----" or an Outlook header block, lines quoted with "&gt;") and above the
 * signature ("-- " on its own line, "Sent from my ..."). When nothing is left, the whole text.
 */
final class ReplyText {
    private static final Pattern WROTE = Pattern.compile("(?i)^\\s*(on\\b.{0,200}\\bwrote:|le\\b.{0,200}\\ba écrit ?:"
            + "|am\\b.{0,200}\\bschrieb\\b.{0,80}:)\\s*$");
    private static final Pattern ORIGINAL = Pattern.compile("(?i)^\\s*-{2,}\\s*(original message|forwarded message)"
            + "\\s*-{2,}\\s*$|^_{10,}\\s*$");
    private static final Pattern OUTLOOK_FROM = Pattern.compile("(?i)^\\s*\\*?from:\\*?\\s.+");
    private static final Pattern SENT_FROM = Pattern.compile("(?i)^\\s*sent from my \\w+.*$");

    private ReplyText() {
    }

    static String of(String text) {
        if (text == null) {
            return null;
        }
        List<String> kept = new ArrayList<>();
        List<String> lines = text.replace("\r\n", "\n").lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String joined = i + 1 < lines.size() ? line + " " + lines.get(i + 1) : line;
            if (WROTE.matcher(line).matches() || WROTE.matcher(joined).matches() && line.toLowerCase().startsWith("on ")
                    || ORIGINAL.matcher(line).matches() || line.equals("-- ") || SENT_FROM.matcher(line).matches()
                    || OUTLOOK_FROM.matcher(line).matches() && kept.stream().anyMatch(k -> !k.isBlank())
                    && i + 1 < lines.size() && lines.get(i + 1).toLowerCase().matches("\\s*\\*?(sent|date):.*")) {
                break;
            }
            if (!line.startsWith(">")) {
                kept.add(line);
            }
        }
        String reply = String.join("\n", kept).strip();
        return reply.isEmpty() ? text.strip() : reply;
    }
}
