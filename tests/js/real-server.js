// Both devices, as they ship, against a real osc-composer server over UDP.
//
// The harness's [udpsend] and [udpreceive] become real sockets (OSC 1.0 encoding: int32
// for integral numbers, float32 otherwise, strings; bundles unpacked as Max's [udpreceive]
// does), so every reply the devices handle here came from the server.
// Run: node tests/js/real-server.js SERVER_PORT   (prints a JSON summary; exit 1 on failure)
"use strict";

const dgram = require("dgram");
const assert = require("node:assert/strict");
const { Device, PATCHES } = require("./max-harness.js");
const { makeLiveSet } = require("./fake-live.js");

const SERVER_PORT = Number(process.argv[2]);
const TIMEOUT_MS = 60000;

function pad(buffer) {
  return Buffer.concat([buffer, Buffer.alloc(4 - (buffer.length % 4))]);
}

function encode(atoms) {
  const [address, ...args] = atoms;
  let tags = ",";
  const parts = [];
  for (const a of args) {
    if (typeof a === "string") {
      tags += "s";
      parts.push(pad(Buffer.from(a, "utf8")));
    } else if (Number.isInteger(a)) {
      tags += "i";
      const b = Buffer.alloc(4);
      b.writeInt32BE(a);
      parts.push(b);
    } else {
      tags += "f";
      const b = Buffer.alloc(4);
      b.writeFloatBE(a);
      parts.push(b);
    }
  }
  return Buffer.concat([pad(Buffer.from(address)), pad(Buffer.from(tags)), ...parts]);
}

function readString(buf, at) {
  const end = buf.indexOf(0, at);
  return [buf.toString("utf8", at, end), (end + 4) & ~3];
}

function decode(buf, out = []) {
  if (buf.toString("latin1", 0, 8) === "#bundle\0") {
    for (let at = 16; at < buf.length;) {
      const size = buf.readInt32BE(at);
      decode(buf.subarray(at + 4, at + 4 + size), out);
      at += 4 + size;
    }
    return out;
  }
  let [address, at] = readString(buf, 0);
  let tags;
  [tags, at] = readString(buf, at);
  const args = [];
  for (const t of tags.slice(1)) {
    if (t === "i") { args.push(buf.readInt32BE(at)); at += 4; }
    else if (t === "f") { args.push(buf.readFloatBE(at)); at += 4; }
    else if (t === "d") { args.push(buf.readDoubleBE(at)); at += 8; }
    else if (t === "h") { args.push(Number(buf.readBigInt64BE(at))); at += 8; }
    else if (t === "s") { let s; [s, at] = readString(buf, at); args.push(s); }
    else if (t === "T" || t === "F") args.push(t === "T" ? 1 : 0);
  }
  out.push([address, ...args]);
  return out;
}

// Wire a harness device to the server: what it sends goes out (from before it loads, so
// the server hears its reply port), replies on its port come in.
function connect(device) {
  const sender = dgram.createSocket("udp4");
  const receiver = dgram.createSocket("udp4");
  const seen = [];
  device.onOsc = (atoms) => sender.send(encode(atoms), SERVER_PORT, "127.0.0.1");
  device.load();
  receiver.on("message", (packet) => {
    for (const [address, ...args] of decode(packet)) {
      seen.push([address, ...args]);
      device.deliver(address, ...args);
      device.runTasks();
    }
  });
  return new Promise((resolve) => receiver.bind(device.replyPort(), "127.0.0.1", () => resolve({ sender, receiver, seen })));
}

function until(what, predicate) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = setInterval(() => {
      if (predicate()) { clearInterval(poll); resolve(); }
      else if (Date.now() - started > TIMEOUT_MS) { clearInterval(poll); reject(new Error(`timed out waiting for ${what}`)); }
    }, 20);
  });
}

async function effect(summary) {
  const clip = [
    { note_id: 1, pitch: 60, start_time: 0, duration: 0.5, velocity: 100, mute: 0 },
    { note_id: 2, pitch: 64, start_time: 0.5, duration: 0.5, velocity: 90, mute: 0 },
    { note_id: 3, pitch: 67, start_time: 1, duration: 1, velocity: 80, mute: 0 },
  ];
  const live = makeLiveSet({ clipNotes: clip, deviceId: 100 + (process.pid % 600), filled: [0], slots: 3, tempo: 120 });
  const device = new Device(`${PATCHES}/osc-composer.amxd`, live);
  const net = await connect(device);
  device.set("serverport", SERVER_PORT);
  device.set("length", 4);
  device.press("ping");
  await until("pong", () => /is answering/.test(device.status()));
  summary.pong = device.status();

  device.press("generate");
  await until("new clip", () => live.tracks[0].slots[1].clip && live.tracks[0].slots[1].clip.notes.length > 0);
  const written = live.tracks[0].slots[1].clip.notes;
  summary.clip = { notes: written.length, status: device.status() };
  const received = net.seen.filter((m) => m[0] === "/composer/note").map((m) => m[3]);
  assert.deepEqual(written.map((n) => n.pitch), received, "every note the server sent is in the clip");
  for (const n of written) assert.ok(n.velocity >= 1 && n.velocity <= 127 && Number.isInteger(n.velocity));

  live.songTime = 8;
  live.setPlaying(1);  // transport starts: the clock goes out
  device.set("livemode", 1);  // harmonize
  device.set("live", 1);
  const before = device.log.midiOut.length;
  device.midiIn([0x90, 60, 100]);
  assert.deepEqual(device.log.midiOut.slice(before, before + 3), [0x90, 60, 100], "pass-through");
  await until("harmony notes on MIDI out", () => net.seen.some((m) => m[0] === "/composer/play/noteon"));
  const played = device.log.midiOut.slice(before + 3);
  assert.ok(played.length >= 3 && played[0] === 0x90, "the server's notes leave by the device's MIDI out");
  summary.harmony = net.seen.filter((m) => m[0] === "/composer/play/noteon").map((m) => m.slice(1));
  device.midiIn([0x80, 60, 0]);
  await until("harmony note-offs", () => net.seen.some((m) => m[0] === "/composer/play/noteoff"));
  device.press("panic");
  summary.errors = net.seen.filter((m) => m[0] === "/composer/error");
  assert.deepEqual(summary.errors, []);
  assert.deepEqual(device.log.errors, []);
  net.sender.close();
  net.receiver.close();
}

async function generator(summary) {
  const phrase = [
    { note_id: 1, pitch: 62, start_time: 0, duration: 1, velocity: 90, mute: 0 },
    { note_id: 2, pitch: 66, start_time: 1, duration: 1, velocity: 80, mute: 0 },
    { note_id: 3, pitch: 69, start_time: 2, duration: 1, velocity: 70, mute: 0 },
  ];
  const live = makeLiveSet({ clipNotes: phrase, deviceId: 700 + (process.pid % 80), length: 8 });
  const device = new Device(`${PATCHES}/osc-composer-generator.amxd`, live);
  const net = await connect(device);
  const dMajor = { scale_mode: 1, root_note: 2, scale_intervals: [0, 2, 4, 5, 7, 9, 11], scale_name: "Major" };
  device.setToolInput([], { clip: { time_selection_start: 4, time_selection_end: 8 }, scale: dMajor, grid: { interval: 0.25, enabled: 1 } });
  assert.deepEqual(device.apply(), []);
  await until("the second pass", () => device.log.toolOut.length === 2);
  const notes = device.log.toolOut[1].notes;
  summary.generator = { notes: notes.length, status: device.status(), pitches: notes.map((n) => n.pitch) };
  for (const n of notes) {
    assert.ok(n.start_time >= 4 && n.start_time < 8, "inside the selection");
    assert.ok([0, 2, 4, 5, 7, 9, 11].includes((n.pitch - 2 + 120) % 12), `${n.pitch} is in D major`);
    assert.ok(n.velocity >= 1 && n.velocity <= 127);
  }
  assert.deepEqual(net.seen.filter((m) => m[0] === "/composer/error"), []);
  net.sender.close();
  net.receiver.close();
}

(async () => {
  const summary = {};
  try {
    await effect(summary);
    await generator(summary);
    process.stdout.write(JSON.stringify(summary) + "\n");
  } catch (error) {
    process.stdout.write(JSON.stringify(summary) + "\n");
    process.stderr.write(String(error && error.stack || error) + "\n");
    process.exit(1);
  }
})();
