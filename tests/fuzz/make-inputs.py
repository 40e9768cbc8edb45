#!/usr/bin/env python3
"""Writes the fuzz harnesses' seed corpora (corpus/<harness>/) and the
regression inputs of issue 14 (regressions/<harness>/). The files are
committed; rerun this after changing it:  python3 tests/fuzz/make-inputs.py
"""
import io
import json
import os
import shutil
import struct
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

TWEETS = [
    "Flu shots are in! Walk-in clinics run Mon-Fri 8am-6pm, no appointment needed. "
    "What questions do you have about this year's vaccine? #FluSeason",
    "Our award-winning team of world-class surgeons is the best in the state. Book today! Limited time offer.",
    "@sam_r Thanks for asking! Flu shots are walk-in this week.",
    "We're so sorry about your experience. Please DM us so we can help.",
    "Joining tonight's #hcsm chat at 9pm ET: how should hospitals talk about wait times? https://example.org/x",
    "This cure ends diabetes forever!!! 100% guaranteed #health #wellness #cure #miracle",
    "Patient John Smith, room 402, was discharged today after his surgery.",
    "Caf\u00e9 au lait spots: when to see a doctor \U0001F469\u200D\u2695\uFE0F \u2764\uFE0F \u0645\u0631\u062d\u0628\u0627 \u4f60\u597d",
    "",
]
CONFIG = {
    "schema": "chime.config/1",
    "organization": {"names": ["Mercy General"], "handles": ["@MercyGeneral"], "hashtags": ["#MercyCares"]},
    "chats": ["#MercyChat"],
    "phrases": {"promo.superlative": ["best-in-region"], "talk.invite": ["send them in"]},
    "rules": {"promo.self-focus": "off", "form.exclamations": "warning"},
    "thresholds": {"hashtags": 2, "reading_grade": 8, "mention_wall": 3},
}
CONTEXTS = [
    {},
    {"reply_to": "@sam_r", "in_reply_to_text": "Do I need an appointment for a flu shot?"},
    {"quote": True},
    {"retweet": True, "thread_index": 2},
]


def tweets_js(texts, name="tweets", part=0):
    entries = [{"tweet": {"id_str": str(1050118621198921728 + i), "full_text": t,
                          "created_at": "Wed Oct 10 20:19:24 +0000 2018"}} for i, t in enumerate(texts)]
    return f"window.YTD.{name}.part{part} = " + json.dumps(entries, indent=2, ensure_ascii=False)


def frame(request):
    body = (request if isinstance(request, str) else json.dumps(request, ensure_ascii=False)).encode()
    return struct.pack("<I", len(body)) + body


def zip_of(members, compression=zipfile.ZIP_DEFLATED):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as z:
        for name, content in members:  # a fixed date, so the files come out the same every time
            z.writestr(zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0)), content, compression)
    return out.getvalue()


def write(kind, harness, name, data):
    folder = os.path.join(HERE, kind, harness)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data.encode() if isinstance(data, str) else data)


def corpora():
    shutil.rmtree(os.path.join(HERE, "corpus"), ignore_errors=True)
    for i, text in enumerate(TWEETS):
        context = CONTEXTS[i % len(CONTEXTS)]
        config = json.dumps(CONFIG) if i % 3 == 0 else ""
        write("corpus", "analyze", f"tweet-{i}", config + "\0" + (json.dumps(context) if context else "") + "\0" + text)
    write("corpus", "config", "full.json", json.dumps(CONFIG, indent=2))
    write("corpus", "config", "empty.json", "{}")
    write("corpus", "config", "rules.json", '{"rules": {"talk.chat": "on", "care.privacy": "error"}}')
    write("corpus", "config", "bad-types.json", '{"thresholds": {"hashtags": "two"}, "chats": [1]}')

    lines = [t for t in TWEETS if t]
    write("corpus", "read_text", "tweets.txt", "\n".join(lines) + "\n")
    write("corpus", "read_text", "crlf.txt", "\ufeff" + "\r\n".join(lines[:3]))
    jsonl = "\n".join(json.dumps({"id": str(i), "text": t, "context": CONTEXTS[i % len(CONTEXTS)]}, ensure_ascii=False)
                      for i, t in enumerate(lines))
    write("corpus", "read_jsonl", "items.jsonl", jsonl + "\n")
    write("corpus", "read_jsonl", "strings.jsonl", "\n".join(json.dumps(t) for t in lines[:3]) + "\n{bad\n")
    write("corpus", "read_json", "items.json", json.dumps([{"id": i, "text": t} for i, t in enumerate(lines)], indent=1))
    write("corpus", "read_json", "strings.json", json.dumps(lines[:3]))
    with open(os.path.join(ROOT, "samples", "healthcare-tweets.csv"), encoding="utf-8") as f:
        sample = f.read().splitlines()
    write("corpus", "read_csv", "sample.csv", "\n".join(sample[:8]) + "\n")
    write("corpus", "read_csv", "quotes.csv", 'Text,In Reply To\n"say ""hi""\nthere",@pat\nplain,\n')
    write("corpus", "read_tsv", "items.tsv", "id\ttext\treply_to\n" + "".join(f"{i}\t{t}\t@pat\n" for i, t in enumerate(lines)))
    write("corpus", "read_tweets-js", "tweets.js", tweets_js(lines))
    write("corpus", "read_tweets-js", "old.js", tweets_js(lines[:2], name="tweet"))
    for name, content in [("a.txt", "\n".join(lines)), ("a.jsonl", jsonl), ("a.csv", "\n".join(sample[:4])),
                          ("a.js", tweets_js(lines[:2])), ("a.json", json.dumps(lines[:2]))]:
        write("corpus", "read_auto", name, content)
    write("corpus", "zip", "archive.zip", zip_of([("data/account.js", "window.YTD.account.part0 = []"),
                                                 ("data/tweets.js", tweets_js(lines[:3])),
                                                 ("data/tweets-part1.js", tweets_js(lines[3:5], part=1))]))
    write("corpus", "zip", "stored.zip", zip_of([("x/data/tweet.js", tweets_js(lines[:1], name="tweet"))],
                                                zipfile.ZIP_STORED))
    write("corpus", "host", "hello", frame({"id": 1, "type": "hello"}))
    write("corpus", "host", "analyze", frame({"id": "a", "type": "analyze", "text": lines[0],
                                              "context": CONTEXTS[1], "config": CONFIG}))
    write("corpus", "host", "check-items", frame({"id": 2, "type": "check", "items": lines + [{"text": "x"}, 3]}))
    write("corpus", "host", "check-file", frame({"id": 3, "type": "check",
                                                 "file": {"name": "a.jsonl", "content": jsonl}}) +
          frame({"id": 4, "type": "check", "file": {"name": "t.js", "format": "tweets.js",
                                                     "content": tweets_js(lines[:2])}}))
    write("corpus", "host", "bad-requests", frame("not json") + frame({"type": "nope"}) + frame([1]) + b"\x05\x00")


def regressions():
    """The crashers of issue 14 that fit in a small file. They crash until the
    readers and host get their limits (branch harden)."""
    shutil.rmtree(os.path.join(HERE, "regressions"), ignore_errors=True)
    depth = 100000
    nested = "[" * depth + "]" * depth
    # A deeply nested "context" in one JSON Lines item: copying it recursed.
    write("regressions", "read_jsonl", "nested-context.jsonl", '{"text": "hi", "context": {"x": ' + nested + "}}\n")
    write("regressions", "read_json", "nested-context.json", '[{"text": "hi", "context": {"x": ' + nested + "}}]")
    # The same in the host's config (its copy and the analyser cache's key).
    write("regressions", "host", "nested-config",
          frame('{"id": 1, "type": "analyze", "text": "hi", "config": {"x": ' + nested + "}}"))
    # Found by fuzz_config: a number past double's range threw out of Config::parse
    # (nlohmann's out_of_range, not the parse_error it caught). Fixed in core.
    write("regressions", "config", "number-overflow.json", '{"thresholds": {"reading_grade": 1E400}}')
    # A zip member name of 32,000 characters: std::regex recursed on it.
    write("regressions", "zip", "long-member-name.zip", zip_of([("data/" + "a" * 32000 + ".js", "[]")]))
    # A part number past int: std::stoi threw out_of_range.
    write("regressions", "zip", "huge-part-number.zip",
          zip_of([("data/tweets-part99999999999.js", tweets_js(["hi"], part=99999999999))]))


if __name__ == "__main__":
    corpora()
    regressions()
