// TEST-ONLY in-memory stand-in for the Rust commands, injected into the page with
// page.addInitScript before the app loads. The "sample team" here is a tiny fake
// (four reps), not the real bundled sample. It validates a few rules the way Rust
// does so the UI's error paths can be driven end to end.
(() => {
  const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
  // Chromium's list has some old spellings (Asia/Calcutta); add the current ones.
  const zones = [...new Set(['UTC', 'Asia/Kolkata', 'Europe/Kyiv', 'America/Nuuk', ...Intl.supportedValuesOf('timeZone')])].sort();
  const hours = () => Object.fromEntries(WEEKDAYS.slice(0, 5).map((d) => [d, [['09:00', '17:00']]]));
  const rep = (id, name, team, time_zone, office) => ({
    id, name, team, time_zone, office,
    working_hours: hours(), stretch_hours: {}, capacity_hours_per_week: 40,
    preferred_office_days: [], no_office_days: [],
    time_off: [], skills: [],
  });
  const empty = () => ({
    format: 'meridian.scenario/1', teams: [], offices: [],
    policy: { office_days_per_week: { min: 0, max: 5 } }, reps: [], meetings: [],
    office_days: [], tasks: [], requests: { meetings: [], rotation: null, balance: null },
  });
  const fakeSample = () => ({
    ...empty(),
    teams: [
      { id: 'test-east', name: 'Test East', anchor_days: ['tue'] },
      { id: 'test-west', name: 'Test West', anchor_days: ['wed'] },
    ],
    offices: [
      { id: 'test-lon', name: 'Test London', time_zone: 'Europe/London', desks: 4, open_days: WEEKDAYS.slice(0, 5), closed_dates: [] },
      { id: 'test-nyc', name: 'Test New York', time_zone: 'America/New_York', desks: 3, open_days: WEEKDAYS.slice(0, 5), closed_dates: ['2026-12-25'] },
    ],
    policy: { office_days_per_week: { min: 2, max: 3 } },
    reps: [
      rep('fake-ada', 'Fake Ada', 'test-east', 'Europe/London', 'test-lon'),
      rep('fake-bo', 'Fake Bo', 'test-east', 'Asia/Kolkata', null),
      rep('fake-cy', 'Fake Cy', 'test-west', 'America/New_York', 'test-nyc'),
      rep('fake-di', 'Fake Di', null, 'Australia/Sydney', null),
    ],
  });

  let db = empty();
  const calls = [];
  const clone = (v) => JSON.parse(JSON.stringify(v));
  const mins = (t) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));

  function invalid(problems) {
    return { code: 'invalid', message: 'the team document is invalid', problems };
  }

  function repProblems(r) {
    const p = [];
    if (!zones.includes(r.time_zone)) p.push({ path: 'time_zone', message: `unknown time zone "${r.time_zone}"` });
    if (r.team !== null && !db.teams.some((t) => t.id === r.team)) p.push({ path: 'team', message: `unknown team "${r.team}"` });
    if (r.office !== null && !db.offices.some((o) => o.id === r.office)) p.push({ path: 'office', message: `unknown office "${r.office}"` });
    for (const d of WEEKDAYS) {
      for (const [i, [s, e]] of (r.stretch_hours[d] ?? []).entries()) {
        for (const [w, we] of r.working_hours[d] ?? []) {
          if (mins(s) < mins(we) && mins(w) < mins(e)) {
            p.push({ path: `stretch_hours.${d}[${i}]`, message: 'stretch interval overlaps working hours' });
          }
        }
      }
    }
    return p;
  }

  function upsert(list, item, mode, check) {
    const at = db[list].findIndex((x) => x.id === item.id);
    if (mode === 'create' && at >= 0) throw { code: 'duplicate_id', message: `id "${item.id}" is already used`, problems: [{ path: 'id', message: 'already used' }] };
    if (mode === 'update' && at < 0) throw { code: 'not_found', message: `no ${list} "${item.id}"`, problems: [] };
    const p = check ? check(item) : [];
    if (p.length) throw invalid(p);
    if (mode === 'create') db[list].push(clone(item));
    else db[list][at] = clone(item);
    return clone(db);
  }

  function remove(list, id) {
    const at = db[list].findIndex((x) => x.id === id);
    if (at < 0) throw { code: 'not_found', message: `no ${list} "${id}"`, problems: [] };
    db[list].splice(at, 1);
    return clone(db);
  }

  const handlers = {
    about: () => ({ version: '0.0.0-test', tzdata: 'test', db_path: null }),
    load_team: () => clone(db),
    zone_names: () => zones,
    load_sample_team: () => ((db = fakeSample()), clone(db)),
    create_rep: ({ rep }) => upsert('reps', rep, 'create', repProblems),
    update_rep: ({ rep }) => upsert('reps', rep, 'update', repProblems),
    delete_rep: ({ id }) => remove('reps', id),
    create_team: ({ team }) => upsert('teams', team, 'create'),
    update_team: ({ team }) => upsert('teams', team, 'update'),
    delete_team: ({ id }) => remove('teams', id),
    create_office: ({ office }) => upsert('offices', office, 'create', (o) => (zones.includes(o.time_zone) ? [] : [{ path: 'time_zone', message: 'unknown time zone' }])),
    update_office: ({ office }) => upsert('offices', office, 'update'),
    delete_office: ({ id }) => remove('offices', id),
    update_policy: ({ policy }) => {
      const { min, max } = policy.office_days_per_week;
      if (min > max) throw invalid([{ path: 'office_days_per_week', message: 'min is more than max' }]);
      db.policy = clone(policy);
      return clone(db);
    },
  };

  window.__FAKE_BACKEND__ = { calls, get db() { return db; } };
  window.__TAURI_INTERNALS__ = {
    metadata: { currentWindow: { label: 'main' }, currentWebview: { windowLabel: 'main', label: 'main' } },
    transformCallback: (cb) => {
      const id = Math.floor(Math.random() * 1e9);
      window[`_${id}`] = cb;
      return id;
    },
    invoke: async (cmd, args = {}) => {
      calls.push(cmd);
      const h = handlers[cmd];
      if (!h) throw { code: 'io', message: `fake backend: no command ${cmd}`, problems: [] };
      return h(args);
    },
  };
})();
