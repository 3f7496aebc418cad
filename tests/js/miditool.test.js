// The Live 12 MIDI Generator as it ships: osc-composer-generator.amxd's patch and embedded
// script through max-harness.js, which models live.miditool.in / .out (synchronous answer
// inside an apply cycle, Live's checks of the note dictionary) and Dict.
// Run: node --test tests/js/
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("path");
const { Device, PATCHES } = require("./max-harness.js");
const { makeLiveSet } = require("./fake-live.js");

const DEVICE = process.env.OSC_COMPOSER_GENERATOR || path.join(PATCHES, "osc-composer-generator.amxd");
const PHRASE = [
  { note_id: 1, pitch: 62, start_time: 0, duration: 1, velocity: 90, mute: 0, probability: 1, velocity_deviation: 0, release_velocity: 64 },
  { note_id: 2, pitch: 66, start_time: 1, duration: 1, velocity: 80, mute: 0, probability: 1, velocity_deviation: 0, release_velocity: 64 },
  { note_id: 3, pitch: 69, start_time: 2, duration: 2, velocity: 70, mute: 1, probability: 1, velocity_deviation: 0, release_velocity: 64 },
];
const D_MAJOR = { scale_mode: 1, root_note: 2, scale_intervals: [0, 2, 4, 5, 7, 9, 11], scale_name: "Major" };

function context(start, end, scale = D_MAJOR) {
  return { clip: { time_selection_start: start, time_selection_end: end, first_note_start: 0, last_note_end: 4, lowest_pitch: 62, highest_pitch: 69 }, scale, grid: { interval: 0.25, enabled: 1 } };
}

function setup(options = {}) {
  const live = makeLiveSet({ clipNotes: PHRASE, length: 8, ...options });
  const device = new Device(DEVICE, live);
  device.load();
  return { live, device };
}

const sent = (device, address) => device.log.osc.filter((m) => m[0] === address);

function answer(device, id, notes, variations = 1) {
  device.deliver("/composer/begin", id, variations, 4.0);
  for (const [v, pitch, velocity, start, duration] of notes) device.deliver("/composer/note", id, v, pitch, velocity, start, duration);
  for (let v = 0; v < variations; v++) device.deliver("/composer/end", id, v, notes.filter((n) => n[0] === v).length);
}

test("the device is a MIDI Tool Generator wired live.miditool.in -> js -> live.miditool.out", () => {
  const { device } = setup();
  assert.equal(device.type, "nagg");
  assert.equal(device.status(), "ready: select notes or a time range, then Apply");
  assert.equal(sent(device, "/composer/reply_port").length, 1);
});

test("continue: the first pass answers at once (clip unchanged) and asks; the answer comes back in the same cycle", () => {
  const { device } = setup();
  device.setToolInput([], context(4, 8));
  const first = device.apply();
  assert.deepEqual(first, [], "nothing changes before the server has answered");
  // the seed: the unmuted notes in the LISTEN beats before the selection, from the clip
  assert.deepEqual(sent(device, "/composer/seed/notes").at(-1), ["/composer/seed/notes", 62, 90, 0, 1, 66, 80, 1, 1]);
  const generate = sent(device, "/composer/generate").at(-1);
  assert.deepEqual(generate.slice(2), ["length", 4, "variations", 4, "key", 2, "scale", "major"]);
  answer(device, generate[1], [[0, 71, 101, 0, 1], [0, 73, 55, 3.5, 2], [1, 74, 90, 0, 1], [2, 76, 80, 0, 1], [3, 78, 70, 0, 1]], 4);
  assert.equal(device.log.toolOut.length, 2, "the answer bangs live.miditool.in: a second pass");
  const written = device.log.toolOut.at(-1);
  assert.equal(written.continuing, true);
  assert.deepEqual(written.notes.map((n) => [n.pitch, n.start_time, n.duration, n.velocity]), [[71, 4, 1, 101], [73, 7.5, 0.5, 55]],
    "placed at the selection, cut at its end, velocities as the server sent them");
  for (const key of ["pitch", "start_time", "duration", "velocity", "mute", "probability", "velocity_deviation", "release_velocity"]) {
    assert.ok(key in written.notes[0], `${key} is written`);
  }
  assert.match(device.status(), /variation 1 of 4/);
});

test("a cached answer returns at once and the same every time; Variation picks another without asking", () => {
  const { device } = setup();
  device.setToolInput([], context(4, 8));
  device.apply();
  const id = sent(device, "/composer/generate").at(-1)[1];
  answer(device, id, [[0, 71, 100, 0, 1], [1, 74, 90, 0.5, 1]], 2);
  const asked = sent(device, "/composer/generate").length;
  assert.deepEqual(device.apply().map((n) => n.pitch), [71]);
  assert.deepEqual(device.apply().map((n) => n.pitch), [71], "deterministic: the same apply, the same notes");
  device.set("variation", 2);
  assert.deepEqual(device.apply().map((n) => [n.pitch, n.start_time]), [[74, 4.5]]);
  assert.equal(sent(device, "/composer/generate").length, asked, "no new request");
  device.set("seed", 7);
  device.apply();
  assert.equal(sent(device, "/composer/generate").length, asked + 1, "a new Seed is a new request");
  assert.deepEqual(sent(device, "/composer/param/seed").at(-1), ["/composer/param/seed", 7]);
});

test("variations: the selected notes are the seed and the answer replaces them", () => {
  const { device } = setup();
  device.set("mode", 1);
  const selected = PHRASE.slice(0, 2);
  device.setToolInput(selected, context(0, 2));
  assert.deepEqual(device.apply(), selected, "first pass: the selection as it was");
  assert.deepEqual(sent(device, "/composer/seed/notes").at(-1), ["/composer/seed/notes", 62, 90, 0, 1, 66, 80, 1, 1]);
  const id = sent(device, "/composer/generate").at(-1)[1];
  answer(device, id, [[0, 64, 77, 0.5, 1]], 1);
  assert.deepEqual(device.log.toolOut.at(-1).notes.map((n) => [n.pitch, n.start_time, n.velocity]), [[64, 0.5, 77]]);
});

test("Live's scale: matched by intervals (any Live 12), by name as a fallback, none when scale mode is off", () => {
  const { device } = setup();
  const scaleOf = (scale) => device.js.serverScale(scale);
  assert.equal(scaleOf(D_MAJOR), "major");
  assert.equal(scaleOf({ scale_mode: 1, root_note: 9, scale_intervals: [0, 2, 3, 5, 7, 8, 10] }), "minor", "Live 12.0 sends no scale_name");
  assert.equal(scaleOf({ scale_mode: 1, root_note: 0, scale_intervals: [0, 3, 5, 6, 7, 10], scale_name: "Minor Blues" }), "blues");
  assert.equal(scaleOf({ scale_mode: 1, root_note: 0, scale_intervals: [0, 1, 4, 5, 7, 8, 10], scale_name: "Phrygian Dominant" }), null);
  assert.equal(scaleOf({ ...D_MAJOR, scale_mode: 0 }), null);
  device.setToolInput([], context(4, 8, { ...D_MAJOR, scale_mode: 0 }));
  device.apply();
  assert.deepEqual(sent(device, "/composer/generate").at(-1).slice(-4), ["key", 0, "scale", "chromatic"]);
});

test("an answer for a selection the user has left is not asked for again", () => {
  const { device } = setup();
  device.setToolInput([], context(4, 8));
  device.apply();
  const id = sent(device, "/composer/generate").at(-1)[1];
  device.setToolInput([], context(2, 3));  // the user moved on before the answer came
  answer(device, id, [[0, 71, 100, 0, 1]], 1);
  assert.equal(sent(device, "/composer/generate").length, 1);
  assert.deepEqual(device.log.toolOut.at(-1).notes, [], "the other selection is left as it was");
});

test("nothing before the selection: nothing is asked and the status says why; errors show too", () => {
  const { device } = setup();
  device.setToolInput([], context(0, 4));
  device.apply();
  assert.equal(sent(device, "/composer/generate").length, 0);
  assert.match(device.status(), /no notes before the selection/);
  device.deliver("/composer/error", 1, "no model loaded");
  assert.equal(device.status(), "server: no model loaded");
});

test("the harness holds the device to Live's rules: a late or malformed answer is an error", () => {
  const { device } = setup();
  assert.throws(() => device.js.output([{ pitch: 60, start_time: 0, duration: 1 }]), /asynchronously/);
  device.setToolInput([], context(4, 8));
  const original = device.js.output;
  device.js.output = () => {};
  assert.throws(() => device.apply(), /in time/);
  device.js.output = (notes) => original(notes.concat([{ pitch: 60, start_time: 0 }]));
  assert.throws(() => device.apply(), /`duration` is missing/);
});
