// A small stand-in for Max's js globals (outlet, post, Task, messagename) and for Live's
// object model as LiveAPI shows it, enough for osc-composer-m4l.js. Shared by the Node
// tests (m4l.test.js) and the message recorder used by tests/test_patches.py.
"use strict";

const path = require("path");

const DEVICE = path.resolve(__dirname, "..", "..", "max_patches", "osc-composer-m4l.js");

// One Live set: one MIDI track with `slots` clip slots, some holding clips.
function makeLiveSet({ clipNotes = [], loopStart = 0, length = 4, slots = 4, filled = [0], selectedScene = 0,
                       deviceId = 42, isMidi = 1, selectedClip = true, tempo = 120, playing = 0 } = {}) {
  const live = {
    calls: [],
    tracks: [{ hasMidiInput: 1, slots: [] }],
    deviceId,
    selectedScene,
    scenes: slots,
    tempo,
    playing,
    songTime: 0,
    observers: [],
  };
  // Live's transport: observers of live_set is_playing hear every change.
  live.setPlaying = (on) => {
    live.playing = on ? 1 : 0;
    for (const o of live.observers) if (o.property === "is_playing") o.callback(["is_playing", live.playing]);
  };
  for (let i = 0; i < slots; i++) {
    live.tracks[0].slots.push(filled.includes(i) ? { clip: { name: "seed", notes: clipNotes } } : { clip: null });
  }
  const detail = selectedClip ? { isMidi, loopStart, length, notes: clipNotes } : null;

  function resolve(p) {
    const words = p.trim().split(/\s+/);
    const at = (i) => words[i];
    if (p === "this_device") return { id: live.deviceId, path: "live_set tracks 0 devices 0" };
    if (p === "live_set") return { id: 1, path: "live_set", kind: "set" };
    if (p === "live_set view detail_clip") {
      return detail ? { id: 99, path: "live_set tracks 0 clip_slots 0 clip", kind: "detail" } : { id: 0, path: "" };
    }
    if (p === "live_set view selected_track") return { id: 7, path: "live_set tracks 0", kind: "track" };
    if (p === "live_set view selected_scene") {
      return { id: 8, path: `live_set scenes ${live.selectedScene}`, kind: "scene" };
    }
    if (at(0) === "live_set" && at(1) === "tracks" && at(3) === "clip_slots") {
      const slot = live.tracks[Number(at(2))].slots[Number(at(4))];
      if (!slot) return { id: 0, path: "" };
      if (at(5) === "clip") {
        return slot.clip ? { id: 100 + Number(at(4)), path: p, kind: "clip", slot } : { id: 0, path: "" };
      }
      return { id: 50 + Number(at(4)), path: p, kind: "slot", slot };
    }
    return { id: 0, path: "" };
  }

  class LiveAPI {
    // new LiveAPI(path) or new LiveAPI(callback, path), as in Max's js
    constructor(callbackOrPath, maybePath) {
      const p = typeof callbackOrPath === "function" ? maybePath : callbackOrPath;
      if (typeof callbackOrPath === "function") {
        this.callback = callbackOrPath;
        live.observers.push(this);
      }
      const target = resolve(String(p));
      this.id = target.id;
      this.unquotedpath = target.path;
      this.path = `"${target.path}"`;
      this._target = target;
    }
    get(property) {
      const t = this._target;
      live.calls.push(["get", this.unquotedpath, property]);
      if (t.kind === "detail") {
        return { is_midi_clip: [detail.isMidi], loop_start: [detail.loopStart], length: [detail.length] }[property];
      }
      if (t.kind === "track") return { has_midi_input: [live.tracks[0].hasMidiInput] }[property];
      if (t.kind === "set") {
        const value = { is_playing: live.playing, tempo: live.tempo, current_song_time: live.songTime }[property];
        if (value === undefined) throw new Error(`get ${property} on live_set`);
        return [value];
      }
      if (t.kind === "slot") return { has_clip: [t.slot.clip ? 1 : 0] }[property];
      throw new Error(`get ${property} on ${this.unquotedpath}`);
    }
    set(property, value) {
      live.calls.push(["set", this.unquotedpath, property, value]);
      if (this._target.kind === "clip") this._target.slot.clip[property] = value;
    }
    getcount(property) {
      if (this._target.kind === "track" && property === "clip_slots") return live.tracks[0].slots.length;
      throw new Error(`getcount ${property}`);
    }
    call(name, ...args) {
      live.calls.push(["call", this.unquotedpath, name, ...args]);
      const t = this._target;
      if (t.kind === "detail" && name === "get_notes_extended") {
        const [fromPitch, span, fromTime, timeSpan] = args;
        const notes = detail.notes.filter((n) => n.pitch >= fromPitch && n.pitch < fromPitch + span &&
          n.start_time >= fromTime && n.start_time < fromTime + timeSpan);
        return JSON.stringify({ notes });  // what Live 11/12 hands to JS
      }
      if (t.kind === "slot" && name === "create_clip") {
        if (t.slot.clip) throw new Error("slot already has a clip");
        t.slot.clip = { length: args[0], notes: [], name: "" };
        return undefined;
      }
      if (t.kind === "slot" && name === "fire") { t.slot.fired = true; return undefined; }
      if (t.kind === "clip" && name === "add_new_notes") {
        const dict = args[0];
        if (!dict || !Array.isArray(dict.notes)) throw new Error("add_new_notes needs {notes: [...]}");
        t.slot.clip.notes.push(...dict.notes.map((n) => ({ ...n })));
        return undefined;
      }
      if (t.kind === "set" && name === "create_scene") {
        live.tracks[0].slots.push({ clip: null });
        return undefined;
      }
      throw new Error(`call ${name} on ${this.unquotedpath}`);
    }
  }
  live.LiveAPI = LiveAPI;
  return live;
}

// Max's globals; returns the record of what the device did.
function installMax(live) {
  const record = { outlets: [], posts: [], tasks: [] };
  global.LiveAPI = live.LiveAPI;
  global.outlet = (index, ...args) => {
    const flat = args.length === 1 && Array.isArray(args[0]) ? args[0] : args;
    record.outlets.push([index, ...flat]);
  };
  global.post = (text) => record.posts.push(text);
  global.Task = class {
    constructor(fn, owner) { this.fn = fn; this.owner = owner; }
    schedule() { record.tasks.push(this); }
  };
  record.runTasks = () => {
    while (record.tasks.length) record.tasks.shift().fn.call(null);
  };
  record.osc = () => record.outlets.filter((o) => o[0] === 0 && String(o[1]).startsWith("/")).map((o) => o.slice(1));
  // What the status comment shows: [prepend set] puts "set" in front of the whole message
  // (selector included) and the comment shows everything after that "set" (Max semantics;
  // tests/js/max-harness.js runs the real patch). A script sending "set text" shows "set text".
  record.status = () => record.outlets.filter((o) => o[0] === 2).map((o) => o.slice(1).join(" "));
  return record;
}

// A fresh copy of the device script (module state reset per test).
function loadDevice() {
  delete require.cache[DEVICE];
  return require(DEVICE);
}

// Deliver a reply the way [udpreceive] does: the address is the message name.
function deliver(device, address, ...args) {
  global.messagename = address;
  return device.reply(address, args);
}

module.exports = { DEVICE, makeLiveSet, installMax, loadDevice, deliver };
