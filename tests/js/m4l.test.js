// The Max for Live device's logic, in Node against a stand-in LiveAPI (fake-live.js):
// seed from get_notes_extended, typed OSC messages, reply collection, and new clips written
// with add_new_notes, velocities intact. Run: node --test tests/js/
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { makeLiveSet, installMax, loadDevice, deliver } = require("./fake-live.js");

const CLIP = [
  { note_id: 1, pitch: 64, start_time: 1.0, duration: 0.5, velocity: 90.4, mute: 0 },
  { note_id: 2, pitch: 60, start_time: 0.0, duration: 1.0, velocity: 100, mute: 0 },
  { note_id: 3, pitch: 67, start_time: 0.0, duration: 0.25, velocity: 33, mute: 1 },   // muted: skipped
  { note_id: 4, pitch: 62, start_time: 3.5, duration: 2.0, velocity: 127, mute: 0 },   // runs past the loop end
  { note_id: 5, pitch: 72, start_time: 5.0, duration: 1.0, velocity: 80, mute: 0 },    // outside the loop
];

function setup(options = {}) {
  const live = makeLiveSet({ clipNotes: CLIP, ...options });
  const record = installMax(live);
  const device = loadDevice();
  return { live, record, device };
}

test("get_notes_extended output becomes a sorted seed inside the loop", () => {
  const { device } = setup();
  const notes = device.parseNotesDict(JSON.stringify({ notes: CLIP }));
  assert.equal(notes.length, 5);
  assert.deepEqual(device.parseNotesDict([JSON.stringify({ notes: CLIP })]), notes);
  assert.deepEqual(device.parseNotesDict({ notes: CLIP }), notes);
  assert.deepEqual(device.parseNotesDict(null), []);
  const seed = device.seedFromNotes(notes, 0, 4, 256);
  assert.deepEqual(seed, [[60, 100, 0, 1], [64, 90, 1, 0.5], [62, 127, 3.5, 0.5]]);
  // times are relative to the loop start; the limit keeps the last notes
  assert.deepEqual(device.seedFromNotes(notes, 1, 4, 1), [[62, 127, 2.5, 1.5]]);
});

test("OSC messages carry the types the server expects", () => {
  const { device } = setup();
  assert.deepEqual(device.seedMessage([[60, 100, 0, 1], [64, 90, 1.5, 0.5]]),
    ["/composer/seed/notes", 60, 100, 0, 1, 64, 90, 1.5, 0.5]);
  assert.deepEqual(device.paramMessage("temperature", 0.8), ["/composer/param/temperature", 0.8]);
  assert.deepEqual(device.paramMessage("top_k", 12.6), ["/composer/param/top_k", 13]);
  assert.deepEqual(device.paramMessage("variations", 99), ["/composer/param/variations", 16]);
  assert.deepEqual(device.paramMessage("scale", 2), ["/composer/param/scale", "minor"]);
  assert.deepEqual(device.paramMessage("key", 9), ["/composer/param/key", 9]);
  assert.equal(device.paramMessage("tempo", 1), null);
  assert.deepEqual(device.generateMessage(3), ["/composer/generate", 3]);
  assert.deepEqual(device.replyPortMessage(9123), ["/composer/reply_port", 9123]);
});

test("reply collector waits for every variation and counts lost notes", () => {
  const { device } = setup();
  const c = new device.ReplyCollector();
  c.begin(5, 2, 8);
  assert.ok(c.note(5, 1, 70, 64, 0, 1));
  assert.ok(c.note(5, 0, 60, 100, 0.5, 0.25));
  assert.ok(!c.note(4, 0, 61, 100, 0, 1), "another request's note is ignored");
  assert.ok(!c.note(5, 2, 61, 100, 0, 1), "a variation that was not announced is ignored");
  assert.equal(c.end(5, 1, 2), null);
  const result = c.end(5, 0, 1);
  assert.equal(result.id, 5);
  assert.equal(result.length, 8);
  assert.equal(result.missing, 1);
  assert.deepEqual(result.variations[0], [{ pitch: 60, start_time: 0.5, duration: 0.25, velocity: 100 }]);
  assert.deepEqual(result.variations[1], [{ pitch: 70, start_time: 0, duration: 1, velocity: 64 }]);
});

test("each device instance gets its own reply port", () => {
  const { device } = setup();
  assert.notEqual(device.replyPortFor(42, 0), device.replyPortFor(43, 0));
  assert.equal(device.replyPortFor(42, 5), 9006);
  assert.ok(device.replyPortFor(123456, 0) > 9001 && device.replyPortFor(123456, 0) < 10000);
});

test("init tells [udpreceive] and the server the reply port, then sends the parameters", () => {
  const { record, device } = setup({ deviceId: 42 });
  device.param("temperature", 0.7);
  assert.deepEqual(record.osc(), [], "nothing is sent before Live is ready");
  device.init();
  const port = device.replyPortFor(42, 0);
  assert.deepEqual(record.outlets.find((o) => o[0] === 1), [1, "port", port]);
  assert.deepEqual(record.osc(), [["/composer/reply_port", port], ["/composer/param/temperature", 0.7]]);
  device.portoffset(3);
  assert.deepEqual(record.osc().at(-1), ["/composer/reply_port", 9004]);
  assert.deepEqual(record.outlets.filter((o) => o[0] === 1).at(-1), [1, "port", 9004]);
});

test("generate sends the selected clip as the seed, then asks", () => {
  const { record, device } = setup();
  device.init();
  device.generate();
  const sent = record.osc().slice(-2);
  assert.deepEqual(sent[0], ["/composer/seed/notes", 60, 100, 0, 1, 64, 90, 1, 0.5, 62, 127, 3.5, 0.5]);
  assert.deepEqual(sent[1], ["/composer/generate", 1]);
  device.generate();
  assert.deepEqual(record.osc().at(-1), ["/composer/generate", 2]);
});

test("without a MIDI clip nothing is sent and the status says why", () => {
  const { record, device } = setup({ selectedClip: false });
  device.init();
  const before = record.osc().length;
  device.generate();
  assert.equal(record.osc().length, before);
  assert.match(record.status().at(-1), /select a MIDI clip/);
});

test("replies become new clips in the next empty slots, velocities intact", () => {
  const { live, record, device } = setup({ filled: [0, 2], selectedScene: 1, slots: 3 });
  device.init();
  device.generate();
  deliver(device, "/composer/begin", 1, 2, 4.0);
  deliver(device, "/composer/note", 1, 0, 60, 101, 0.0, 1.0);
  deliver(device, "/composer/note", 1, 0, 64, 37, 1.5, 0.0);
  deliver(device, "/composer/note", 1, 1, 67, 127, 2.0, 3.5);
  deliver(device, "/composer/end", 1, 0, 2);
  assert.equal(record.tasks.length, 0, "nothing is written before the last variation ends");
  deliver(device, "/composer/end", 1, 1, 1);
  assert.equal(record.tasks.length, 1, "writing is deferred to a Task");
  assert.ok(!live.calls.some((c) => c[2] === "create_clip"), "no LiveAPI change outside the Task");
  record.runTasks();

  const slots = live.tracks[0].slots;
  // scene 1 is empty, 2 is full, the scan wraps to... 0 (full); a new scene is added
  assert.equal(slots.length, 4);
  assert.equal(slots[1].clip.name, "osc-composer 1.1");
  assert.deepEqual(slots[1].clip.notes, [
    { pitch: 60, start_time: 0, duration: 1, velocity: 101 },
    { pitch: 64, start_time: 1.5, duration: 1 / 64, velocity: 37 },
  ]);
  assert.equal(slots[1].clip.length, 4);
  assert.equal(slots[3].clip.name, "osc-composer 1.2");
  assert.deepEqual(slots[3].clip.notes, [{ pitch: 67, start_time: 2, duration: 3.5, velocity: 127 }]);
  assert.equal(slots[3].clip.length, 6, "the clip covers every note");
  assert.equal(slots[0].clip.name, "seed", "existing clips are left alone");
  assert.match(record.status().at(-1), /3 notes in 2 new clip/);

  device.audition();
  record.runTasks();
  assert.ok(slots[1].fired, "audition fires the first new clip");
});

test("errors, seed size and pong reach the status line; other messages are reported", () => {
  const { record, device } = setup();
  deliver(device, "/composer/error", 3, "the seed is empty");
  assert.match(record.status().at(-1), /server: the seed is empty/);
  deliver(device, "/composer/seed/size", 3, 4.0);
  assert.match(record.status().at(-1), /3 notes over 4 beats/);
  deliver(device, "/composer/pong", "0.1.0");
  assert.match(record.status().at(-1), /0\.1\.0/);
  global.messagename = "/composer/unknown";
  device.anything(1);
  assert.match(record.posts.at(-1), /unexpected message/);
});
