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
  const task = (id, title, hours, due, assignee, pinned = false, skills_required = []) => ({
    id, title, hours, due, assignee, skills_required, pinned,
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
    tasks: [
      task('fake-quotes', 'Renewal quotes', 40, '2026-12-02', 'fake-ada'),
      task('fake-deck', 'QBR deck', 8, '2026-12-04', 'fake-ada'),
      task('fake-forecast', 'Forecast', 6, '2026-12-03', 'fake-cy', true),
      task('fake-german', 'German contract', 4, null, null, false, ['german']),
    ],
  });

  let db = empty();
  const calls = [];
  /** The list order of each suggest_meeting call, for the tests. */
  const suggestOrders = [];
  const clone = (v) => JSON.parse(JSON.stringify(v));
  const mins = (t) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));

  function invalid(problems) {
    return { code: 'invalid', message: 'the team document is invalid', problems };
  }

  // The trip a rep is on on date d (trips are sorted and never overlap).
  const tripOn = (r, d) => (r.travel ?? []).find((t) => t.from <= d && d <= t.to) ?? null;

  function repProblems(r) {
    const p = [];
    if (!zones.includes(r.time_zone)) p.push({ path: 'time_zone', message: `unknown time zone "${r.time_zone}"` });
    if (r.team !== null && !db.teams.some((t) => t.id === r.team)) p.push({ path: 'team', message: `unknown team "${r.team}"` });
    if (r.office !== null && !db.offices.some((o) => o.id === r.office)) p.push({ path: 'office', message: `unknown office "${r.office}"` });
    // Trips as Rust checks them (io/scenario.rs `travel`), paths relative to the rep.
    for (const [i, t] of (r.travel ?? []).entries()) {
      if (t.to < t.from) p.push({ path: `travel[${i}].to`, message: `to ${t.to} is before from ${t.from}` });
      else if (!db.offices.some((o) => o.id === t.office)) p.push({ path: `travel[${i}].office`, message: `unknown office "${t.office}"` });
      else if (t.office === r.office) p.push({ path: `travel[${i}].office`, message: `"${t.office}" is the rep's home office: a trip goes to another office` });
    }
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


  // A tiny stand-in for the meeting planner: every fake rep works 09:00–17:00
  // with stretch 07:00–09:00 and 17:00–19:00 local; candidates are whole UTC
  // hours of the first day (or each week's first day). Enough to drive the UI.
  const offsetMinutes = (zone, at) => {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(at);
    const raw = parts.find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
    const m = /GMT([+-])(\d\d):(\d\d)/.exec(raw);
    return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
  };
  const iso = (ms) => new Date(ms).toISOString().replace('.000Z', 'Z');
  const wall = (ms) => new Date(ms).toISOString().slice(0, 16);
  const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const SEGMENTS = [[0, 420, 'off'], [420, 540, 'stretch'], [540, 1020, 'working'], [1020, 1140, 'stretch'], [1140, 1440, 'off']];
  function attendee(id, required, startMs, dur) {
    const r = db.reps.find((x) => x.id === id);
    const off = offsetMinutes(r.time_zone, new Date(startMs));
    const localMs = startMs + off * 60000;
    const from = new Date(localMs).getUTCHours() * 60 + new Date(localMs).getUTCMinutes();
    const to = from + dur;
    let stretch = 0;
    let outside = false;
    for (let m = from; m < to; m++) {
      const kind = SEGMENTS.find(([a, b]) => m % 1440 >= a && m % 1440 < b)[2];
      if (kind === 'stretch') stretch++;
      if (kind === 'off') outside = true;
    }
    const status = outside ? 'unavailable' : stretch > 0 ? 'stretch' : 'working';
    const when = `${DAYS[new Date(localMs).getUTCDay()]} ${wall(localMs).slice(11)}–${wall(localMs + dur * 60000).slice(11)}`;
    const note = status === 'unavailable' ? `${when}: outside their hours` : status === 'stretch' ? `${when}: ${stretch} min in stretch hours` : `${when}: within working hours`;
    return {
      id, time_zone: r.time_zone, local_start: wall(localMs), local_end: wall(localMs + dur * 60000),
      status, stretch_minutes: status === 'unavailable' ? 0 : stretch, ...(status === 'unavailable' ? { reason: 'outside hours' } : {}),
      required, note,
      day: { date: wall(localMs).slice(0, 10), length_minutes: 1440, segments: SEGMENTS.map(([a, b, kind]) => ({ from: a, to: b, kind })), slot_from: from, slot_to: Math.min(to, 1440) },
    };
  }
  function occurrence(req, startMs) {
    const dur = req.duration_minutes;
    const attendees = [...req.required.map((id) => attendee(id, true, startMs, dur)), ...req.optional.map((id) => attendee(id, false, startMs, dur))];
    const feasible = attendees.every((a) => !a.required || a.status !== 'unavailable');
    const cost = attendees.reduce((c, a) => c + (a.status === 'unavailable' ? dur : a.stretch_minutes), 0);
    return { start: iso(startMs), end: iso(startMs + dur * 60000), cost, attendees, feasible };
  }
  const strip = ({ feasible, ...o }) => o;
  function suggest(req, order) {
    const p = [];
    if (req.required.length === 0) p.push({ path: 'required', message: 'at least one required attendee is needed' });
    req.required.forEach((id, i) => db.reps.some((r) => r.id === id) || p.push({ path: `required[${i}]`, message: `unknown rep "${id}"` }));
    if (req.to < req.from) p.push({ path: 'to', message: `the window ends (${req.to}) before it starts (${req.from})` });
    if (typeof req.min_optional === 'number' && req.min_optional > req.optional.length) {
      p.push({ path: 'min_optional', message: `asks for ${req.min_optional} optional attendees, but the request has ${req.optional.length || 'none'}` });
    }
    if (p.length) throw { code: 'invalid', message: 'the request is invalid', problems: p };
    const day0 = Date.parse(`${req.from}T00:00:00Z`);
    const week = (k) => [...Array(24).keys()].map((h) => occurrence(req, day0 + k * 7 * 86400000 + h * 3600000)).filter((o) => o.feasible);
    const base = { request: req.id, suggestions: [], fair_plan: null, infeasible_reason: null, ways_out: [], dst_warnings: [] };
    const weeks = Math.max(1, req.repeat_weeks);
    if (weeks > 1 && req.fair_rotation) {
      const options = [...Array(weeks).keys()].map(week);
      if (options.some((o) => o.length === 0)) return { ...base, infeasible_reason: 'no slot fits every week' };
      const per = Object.fromEntries(req.required.map((id) => [id, 0]));
      const occurrences = options.map((opts) => {
        // Greedy: the slot that keeps the worst-off person's total lowest.
        const score = (o) => Math.max(...o.attendees.filter((a) => a.required).map((a) => per[a.id] + a.stretch_minutes)) * 1000 + o.cost;
        const best = [...opts].sort((a, b) => score(a) - score(b))[0];
        for (const a of best.attendees) if (a.required) per[a.id] += a.stretch_minutes;
        return strip(best);
      });
      return { ...base, fair_plan: { occurrences, max_person_stretch_minutes: Math.max(...Object.values(per)), total_cost: occurrences.reduce((c, o) => c + o.cost, 0), per_person_stretch_minutes: per } };
    }
    const ranked = week(0).sort((a, b) => a.cost - b.cost || a.start.localeCompare(b.start));
    if (ranked.length === 0) {
      const names = req.required.map((id) => db.reps.find((r) => r.id === id)).map((r) => `${r.name} (${r.id}, ${r.time_zone})`);
      return { ...base, infeasible_reason: `${names.join(' and ')} have no common working or stretch hours on any day in the window`, ways_out: req.required.map((id, i) => `fits if ${names[i]} is optional`) };
    }
    const taken = [];
    for (const o of ranked) {
      if (taken.length >= req.max_results) break;
      if (taken.some((t) => t.start < o.end && o.start < t.end)) continue;
      taken.push(o);
    }
    // A stand-in for Rust's words on a varied list (the order itself is Rust's).
    const varied = order === 'varied' && taken.length > 1 ? { varied: `Varied list: the best slot at each of 2 different times of day, then the next best in order; the exact top ${taken.length} ranks by cost and start alone.` } : {};
    const fewer = taken.length < req.max_results ? `Only ${taken.length} of the ${req.max_results} asked for fit everyone between ${req.from} and ${req.to} (${req.time_zone}): every other start that suits all required people overlaps one shown.` : undefined;
    return { ...base, ...varied, ...(fewer ? { fewer_than_asked: fewer } : {}), suggestions: taken.map((o) => ({ start: o.start, end: o.end, cost: o.cost * weeks, occurrences: [...Array(weeks).keys()].map((k) => strip(occurrence(req, Date.parse(o.start) + k * 7 * 86400000))), attendees: o.attendees })) };
  }
  // Rust makes the id from the title: a slug, `-2`, `-3`… until it and its weeks' `-wN` are free.
  function bookingId(b) {
    const base = b.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'meeting';
    const free = (id) => b.starts.every((_, i) => !db.meetings.some((m) => m.id === (i === 0 ? id : `${id}-w${i + 1}`)));
    let id = base;
    for (let n = 2; !free(id); n++) id = `${base}-${n}`;
    return id;
  }
  function book(b) {
    if (!b.title.trim()) throw invalid([{ path: 'title', message: 'enter a title' }]);
    const id = bookingId(b);
    const out = b.starts.map((s, i) => {
      const off = offsetMinutes(b.time_zone, new Date(s));
      return {
        id: i === 0 ? id : `${id}-w${i + 1}`, title: b.title, start: wall(Date.parse(s) + off * 60000), time_zone: b.time_zone,
        duration_minutes: b.duration_minutes, rrule: b.starts.length === 1 && b.weeks > 1 ? `FREQ=WEEKLY;COUNT=${b.weeks}` : null,
        attendees: [...b.attendees], in_person_office: null,
      };
    });
    for (const m of out) if (db.meetings.some((x) => x.id === m.id)) throw { code: 'duplicate_id', message: `meeting id "${m.id}" is already used`, problems: [] };
    db.meetings.push(...out);
    return clone(db);
  }

  // A tiny stand-in for the rotation planner: per office and ISO week, locked-in
  // days first, then each rep's best open days (anchor, preferred, teammates)
  // up to the policy minimum, within desks. Enough to drive the board.
  const addDays = (d, n) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10);
  const wdOf = (d) => WEEKDAYS[(new Date(`${d}T00:00:00Z`).getUTCDay() + 6) % 7];
  const mondayOf = (d) => addDays(d, -WEEKDAYS.indexOf(wdOf(d)));
  // The week the reader's first weekday starts (My week, Team week).
  const weekStart = (d, first = 'mon') => addDays(d, -((WEEKDAYS.indexOf(wdOf(d)) - WEEKDAYS.indexOf(first) + 7) % 7));
  const isoWeek = (d) => {
    const th = new Date(`${addDays(mondayOf(d), 3)}T00:00:00Z`);
    const y = th.getUTCFullYear();
    return `${y}-W${String(Math.floor((th - Date.UTC(y, 0, 1)) / 86400000 / 7) + 1).padStart(2, '0')}`;
  };
  function blocked(r, date) {
    const o = db.offices.find((x) => x.id === r.office);
    if (!o) return 'the rep has no office';
    if (r.time_off.some((t) => t.start <= date && date <= t.end)) return "the date is in the rep's time off";
    if (r.no_office_days.includes(wdOf(date))) return `${wdOf(date)} is one of the rep's no_office_days`;
    if (!o.open_days.includes(wdOf(date))) return `office ${o.id} is not open on ${wdOf(date)}`;
    if (o.closed_dates.includes(date)) return `office ${o.id} is closed on ${date}`;
    return null;
  }
  function planRotation({ office }) {
    const req = db.requests.rotation;
    if (!req) throw { code: 'invalid', message: 'the team has no rotation request', problems: [] };
    if (office !== null && !db.offices.some((o) => o.id === office)) throw { code: 'invalid', message: `unknown office "${office}"`, problems: [] };
    const start = mondayOf(req.from);
    const locks = new Map(req.locks.map((l) => [`${l.rep}|${l.date}`, l.in_office]));
    const assignments = [];
    const explanations = [];
    const objective = { total: 0, co_presence: 0, anchor: 0, preference: 0, in_person: 0 };
    for (const o of db.offices.filter((x) => office === null || x.id === office)) {
      const reps = db.reps.filter((r) => r.office === o.id);
      for (let w = 0; w < req.weeks; w++) {
        const days = [...Array(7).keys()].map((i) => addDays(start, w * 7 + i));
        const used = new Map(days.map((d) => [d, 0]));
        const chosen = new Map(reps.map((r) => [r.id, []]));
        for (const r of reps) for (const d of days) if (locks.get(`${r.id}|${d}`) === true) { chosen.get(r.id).push(d); used.set(d, used.get(d) + 1); }
        for (const r of reps) {
          const pol = r.office_days_per_week ?? db.policy.office_days_per_week;
          const anchors = db.teams.find((t) => t.id === r.team)?.anchor_days ?? [];
          const score = (d) => (anchors.includes(wdOf(d)) ? 2 : 0) + (r.preferred_office_days.includes(wdOf(d)) ? 2 : 0) + used.get(d) * 0.1;
          const open = days.filter((d) => !blocked(r, d) && locks.get(`${r.id}|${d}`) !== false && !chosen.get(r.id).includes(d));
          const want = Math.min(pol.min, open.length + chosen.get(r.id).length);
          for (const d of [...open].sort((a, b) => score(b) - score(a) || a.localeCompare(b))) {
            if (chosen.get(r.id).length >= want) break;
            if (used.get(d) >= o.desks) continue;
            chosen.get(r.id).push(d);
            used.set(d, used.get(d) + 1);
          }
          if (chosen.get(r.id).length < want) {
            return { from: start, weeks: req.weeks, assignments: [], objective: null, upper_bound: null, office,
              infeasible_reason: `${o.id}, ${isoWeek(days[0])}: reps need more desk-days than ${o.desks} desks allow`,
              fixes: [`add desks at ${o.id}`, `lower the minimum office days for ${isoWeek(days[0])}`], explanations: [] };
          }
        }
        for (const r of reps) {
          const anchors = db.teams.find((t) => t.id === r.team)?.anchor_days ?? [];
          const mine = chosen.get(r.id).sort();
          const why = mine.map((d) => {
            const reasons = [];
            if (locks.get(`${r.id}|${d}`) === true) reasons.push('locked in');
            if (anchors.includes(wdOf(d))) { reasons.push('team anchor day'); objective.anchor += 2; }
            const mates = reps.filter((x) => x.id !== r.id && r.team !== null && x.team === r.team && chosen.get(x.id).includes(d)).length;
            if (mates > 0) { reasons.push(`${mates} teammate${mates === 1 ? '' : 's'} in`); objective.co_presence += mates / 2; }
            if (r.preferred_office_days.includes(wdOf(d))) { reasons.push('preferred day'); objective.preference += 2; }
            return { date: d, reasons };
          });
          for (const d of mine) assignments.push({ rep: r.id, date: d, office: o.id });
          const pol = r.office_days_per_week ?? db.policy.office_days_per_week;
          if (mine.length > 0 || pol.min > 0) {
            explanations.push({ rep: r.id, office: o.id, team: r.team, week: isoWeek(days[0]), min_days: pol.min, max_days: pol.max, days: why,
              summary: why.map((x) => `${['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][WEEKDAYS.indexOf(wdOf(x.date))]}${x.reasons.length ? ` (${x.reasons.join(', ')})` : ''}`).join(', ') || 'no office days' });
          }
        }
      }
    }
    objective.total = objective.co_presence + objective.anchor + objective.preference + objective.in_person;
    assignments.sort((a, b) => a.date.localeCompare(b.date) || a.rep.localeCompare(b.rep));
    return { from: start, weeks: req.weeks, assignments, objective, infeasible_reason: null, upper_bound: objective.total + 4, fixes: [], office, explanations };
  }
  // Rust holds the plan and draws the board a page at a time; so does this
  // fake, with a fixed "today" (tests may change `__FAKE_BACKEND__.today`).
  let rotHeld = null;
  let rotTokens = 0;
  const holdRotation = (args) => {
    const a = planRotation(args);
    rotHeld = { token: ++rotTokens, answer: a };
    return summaryOf(rotTokens, a);
  };
  function summaryOf(token, a) {
    const terms = [['co_presence', 'Teammates together', 1, 'pair-day'], ['anchor', 'Team anchor days', 2, 'rep-day'], ['preference', 'Preferred days', 2, 'rep-day'], ['in_person', 'In-person meetings', 3, 'attendee']];
    return { token, from: a.from, weeks: a.weeks, office: a.office, objective: a.objective, upper_bound: a.upper_bound, bound_words: a.objective ? (a.upper_bound === a.objective.total ? 'proven optimal' : `within ${(Math.ceil((a.upper_bound - a.objective.total) * 1000 / a.upper_bound) / 10).toFixed(1)}% of the best possible`) : null, infeasible_reason: a.infeasible_reason, fixes: a.fixes,
      terms: a.objective ? terms.map(([key, label, weight, unit]) => ({ key, label, weight, unit, value: a.objective[key] })) : [], assignments: a.assignments.length, reps: new Set(a.assignments.map((x) => x.rep)).size };
  }
  // A policy what-if: the changes made on a copy of the team, checked a
  // little as Rust does (paths in the changes), both teams planned by the
  // fake planner, the reps whose days differ listed. Held until adopted.
  let whatIfHeld = null;
  function tryPolicy({ changes, offices: owin, reps: rwin }) {
    const p = [];
    const tried = clone(db);
    const mm = changes.policy?.office_days_per_week;
    if (mm && mm.min > mm.max) p.push({ path: 'policy.office_days_per_week', message: `min ${mm.min} > max ${mm.max}` });
    if (mm) tried.policy = clone(changes.policy);
    changes.offices.forEach((c, i) => {
      const o = tried.offices.find((x) => x.id === c.id);
      if (!o) return p.push({ path: `offices[${i}].id`, message: `unknown office "${c.id}"` });
      if (c.desks !== null && c.desks < 0) p.push({ path: `offices[${i}].desks`, message: `must not be negative, got ${c.desks}` });
      if (c.desks !== null) o.desks = c.desks;
      if (c.open_days !== null) o.open_days = c.open_days;
    });
    changes.teams.forEach((c, i) => {
      const t = tried.teams.find((x) => x.id === c.id);
      if (!t) return p.push({ path: `teams[${i}].id`, message: `unknown team "${c.id}"` });
      if (c.anchor_days !== null) t.anchor_days = c.anchor_days;
      if (c.office !== null) tried.reps.filter((r) => r.team === c.id).forEach((r) => (r.office = c.office));
    });
    changes.reps.forEach((c, i) => {
      const r = tried.reps.find((x) => x.id === c.id);
      if (!r) return p.push({ path: `reps[${i}].id`, message: `unknown rep "${c.id}"` });
      if (c.preferred_office_days !== null) r.preferred_office_days = c.preferred_office_days;
      if (c.office !== null) r.office = c.office;
    });
    if (p.length) throw { code: 'invalid', message: 'changes: the changes are invalid', problems: p };
    const current = planRotation({ office: null });
    const saved = db;
    db = tried;
    let after;
    try {
      after = planRotation({ office: null });
    } finally {
      db = saved;
    }
    const key = (a) => `${a.date}|${a.office}`;
    const daysOf = (plan, rep) => new Set(plan.assignments.filter((a) => a.rep === rep).map(key));
    const reps = tried.reps
      .map((r) => {
        const b = daysOf(current, r.id);
        const a = daysOf(after, r.id);
        if (b.size === a.size && [...a].every((x) => b.has(x))) return null;
        const bd = new Set([...b].map((x) => x.slice(0, 10)));
        const ad = new Set([...a].map((x) => x.slice(0, 10)));
        return { rep: r.id, name: r.name, team: r.team, office_before: db.reps.find((x) => x.id === r.id).office, office_after: r.office,
          gained: [...ad].filter((d) => !bd.has(d)).sort(), lost: [...bd].filter((d) => !ad.has(d)).sort(), moved: [],
          anchor_missed_before: 0, anchor_missed_after: 0, together_before: 0, together_after: 0 };
      })
      .filter(Boolean)
      .sort((x, y) => x.name.localeCompare(y.name));
    const dates = [...new Set([...current.assignments, ...after.assignments].map((a) => a.date))].sort();
    const used = (plan, o, d) => plan.assignments.filter((a) => a.office === o && a.date === d).length;
    const officeRows = tried.offices.map((o) => ({ office: o.id, name: o.name, desks_before: db.offices.find((x) => x.id === o.id).desks, desks_after: o.desks,
      days: dates.map((d) => ({ before: used(current, o.id, d), after: used(after, o.id, d) })) }));
    const feasible = !current.infeasible_reason && !after.infeasible_reason;
    whatIfHeld = { token: ++rotTokens, changes: clone(changes), tried, counter, current, after, reps: feasible ? reps : [], officeRows, dates, compared: feasible };
    return whatIfView(whatIfHeld, owin, rwin);
  }
  function whatIfView(h, owin, rwin) {
    const req = db.requests.rotation;
    return { token: h.token, changes: { ...h.changes, from: mondayOf(req.from), weeks: req.weeks }, from: mondayOf(req.from), weeks: req.weeks, counter: h.counter,
      current: summaryOf(h.token, h.current), tried: summaryOf(h.token, h.after), notes: [], dropped_locks: [], dropped_lock_count: 0, dropped_office_days: 0,
      dates: h.dates, offices: { ...cut(h.officeRows, owin), counter: h.counter }, compared: h.compared, reps: { ...cut(h.reps, rwin), counter: h.counter } };
  }
  function rotationBoard({ query, window: win, plan }) {
    const req = db.requests.rotation;
    const today = window.__FAKE_BACKEND__.today;
    const from = mondayOf(query.from ?? req?.from ?? today);
    const weeks = query.weeks ?? (req && query.from === null ? req.weeks : 4);
    const stored = !!req && mondayOf(req.from) === from && req.weeks === weeks;
    const offices = db.offices.filter((o) => query.office === null || o.id === query.office).sort((a, b) => a.name.localeCompare(b.name));
    const open = new Set(offices.flatMap((o) => o.open_days));
    const columns = [...Array(weeks).keys()].map((w) => {
      const monday = addDays(from, 7 * w);
      const days = [...Array(7).keys()].map((i) => addDays(monday, i)).filter((d) => open.has(wdOf(d)));
      return { week: isoWeek(monday), monday, days: days.map((date) => ({ date, weekday: wdOf(date), past: date < today })) };
    });
    const dates = columns.flatMap((w) => w.days.map((d) => d.date));
    const p = rotHeld?.token === plan && mondayOf(rotHeld.answer.from) === from && rotHeld.answer.weeks === weeks && !rotHeld.answer.infeasible_reason ? rotHeld.answer : null;
    const planned = new Set((p?.assignments ?? []).map((a) => `${a.rep}|${a.date}`));
    const accepted = new Set(db.office_days.map((d) => `${d.rep}|${d.date}`));
    const locks = new Map(stored ? req.locks.map((l) => [`${l.rep}|${l.date}`, l.in_office]) : []);
    const teamOf = (id) => db.teams.find((t) => t.id === id) ?? null;
    const cellOf = (r, date) => {
      const reason = blocked(r, date);
      const key = `${r.id}|${date}`;
      const lock = locks.get(key) ?? null;
      const past = date < today;
      const fromPlan = !!p && (p.office === null || p.office === r.office) && !past && !reason;
      const state = reason ? 'unavailable' : (fromPlan ? planned : accepted).has(key) ? 'in' : 'remote';
      const kind = !reason ? null : reason.includes('time off') ? 'time_off' : reason.includes('no_office_days') ? 'no_office_day' : 'closed';
      return { date, state, blocked: kind, reason, past, lock, planned: fromPlan, pending: !past && !reason && lock !== null && lock !== (state === 'in'),
        anchor: (teamOf(r.team)?.anchor_days ?? []).includes(wdOf(date)), preferred: r.preferred_office_days.includes(wdOf(date)) };
    };
    const words = query.search.toLowerCase().split(/\s+/).filter(Boolean);
    const rows = [];
    for (const o of offices) {
      const all = db.reps.filter((r) => r.office === o.id);
      const reps = all.filter((r) => words.every((w) => `${r.name} ${r.id}`.toLowerCase().includes(w))).sort((a, b) => a.name.localeCompare(b.name));
      if (reps.length === 0) continue;
      rows.push({ kind: 'office', office: o.id, name: o.name, desks: o.desks, days: dates.map((d) => {
        const used = all.filter((r) => cellOf(r, d).state === 'in').length;
        return { used, closed: !o.open_days.includes(wdOf(d)) || o.closed_dates.includes(d), holiday: null, over: used > o.desks };
      }) });
      const teams = [...new Set(reps.map((r) => r.team))].sort((a, b) => (a === null) - (b === null) || (teamOf(a)?.name ?? '').localeCompare(teamOf(b)?.name ?? ''));
      for (const t of teams) {
        const members = reps.filter((r) => r.team === t);
        rows.push({ kind: 'team', office: o.id, team: t, name: teamOf(t)?.name ?? 'No team', reps: members.length, anchor: dates.map((d) => (teamOf(t)?.anchor_days ?? []).includes(wdOf(d))) });
        for (const r of members) {
          rows.push({ kind: 'rep', id: r.id, name: r.name, office: o.id, team: r.team, team_name: teamOf(r.team)?.name ?? null, office_name: o.name, revision: 1,
            cells: dates.map((d) => cellOf(r, d)) });
        }
      }
    }
    return { from, weeks, stored, today, max_weeks: 104, columns, rows: cut(rows, win), shows_plan: !!p, locks: locks.size, remote_reps: db.reps.filter((r) => r.office === null).length };
  }
  // One rep-week of the held plan explained when the board shows it (the
  // fake planner keeps every explanation; Rust computes the one asked for).
  function rotationExplanation({ plan, rep, date }) {
    const p = rotHeld?.token === plan && !rotHeld.answer.infeasible_reason ? rotHeld.answer : null;
    return p?.explanations.find((e) => e.rep === rep && e.week === isoWeek(date)) ?? null;
  }
  function setRotationLock({ rep, date, inOffice }) {
    const req = db.requests.rotation;
    if (!req) throw { code: 'invalid', message: 'the team has no rotation request', problems: [] };
    const r = db.reps.find((x) => x.id === rep);
    if (!r) throw { code: 'not_found', message: `no rep "${rep}"`, problems: [] };
    const start = mondayOf(req.from);
    const last = addDays(start, req.weeks * 7 - 1);
    if (date < start || date > last) throw invalid([{ path: 'locks[0].date', message: `${date} is outside the rotation's days ${start}..${last}` }]);
    const why = inOffice === true ? blocked(r, date) : null;
    if (why) throw invalid([{ path: `locks[${req.locks.length}]`, message: `lock puts ${rep} in the office on ${date} but ${why}` }]);
    req.locks = req.locks.filter((l) => !(l.rep === rep && l.date === date));
    if (inOffice !== null) req.locks.push({ rep, date, in_office: inOffice });
    return clone(db);
  }

  // A crude stand-in for the balancer: 8 h per weekday of the window; moves
  // the busiest rep's biggest movable task to the least busy rep with the
  // skills while that lowers the highest utilisation. Shapes as Rust's
  // Workload queries (summary + token, pages of rows, tasks and changes).
  let held = null;
  let tokens = 0;
  let stopPlan = null;
  function balanceFigures(req) {
    let days = 0;
    for (let d = req.from; d <= req.to; d = addDays(d, 1)) if (WEEKDAYS.indexOf(wdOf(d)) < 5) days++;
    const cap = Object.fromEntries(db.reps.map((r) => [r.id, days * 480]));
    const can = (r, t) => t.skills_required.every((s) => r.skills.includes(s));
    const unassignable = db.tasks.filter((t) => !db.reps.some((r) => can(r, t)))
      .map((t) => ({ task: t.id, title: t.title, reason: `no rep has skills: ${t.skills_required.join(', ')}` }));
    const tasks = db.tasks.filter((t) => !unassignable.some((u) => u.task === t.id));
    const before = Object.fromEntries(tasks.map((t) => [t.id, t.assignee]));
    const load = (a) => Object.fromEntries(db.reps.map((r) => [r.id, tasks.filter((t) => a[t.id] === r.id).reduce((m, t) => m + t.hours * 60, 0)]));
    const util = (l, id) => (cap[id] === 0 ? (l[id] === 0 ? 0 : null) : l[id] / cap[id]);
    return { req, cap, can, unassignable, tasks, before, load, util };
  }
  const band = (u) => (u === null || u > 1 ? 'over' : u === 0 ? 'idle' : u >= 0.8 ? 'full' : 'under');
  const pctOf = (u) => (u === null ? '∞' : `${Math.round(u * 100)}%`);
  function planBalance({ from, to }) {
    const req = { from: from ?? db.requests.balance?.from, to: to ?? db.requests.balance?.to };
    const f = balanceFigures(req);
    const { cap, can, tasks, before, load, util } = f;
    const after = { ...before };
    for (const t of tasks) if (after[t.id] === null) after[t.id] = db.reps.find((r) => can(r, t)).id;
    const top = (l) => Math.max(...db.reps.map((r) => util(l, r.id) ?? 1e9));
    for (let guard = 0; guard < 20; guard++) {
      const l = load(after);
      const busiest = db.reps.reduce((a, b) => ((util(l, b.id) ?? 1e9) > (util(l, a.id) ?? 1e9) ? b : a)).id;
      const movable = tasks.filter((t) => after[t.id] === busiest && !t.pinned).sort((a, b) => b.hours - a.hours);
      let moved = false;
      for (const t of movable) {
        const dest = db.reps.filter((r) => r.id !== busiest && can(r, t)).sort((a, b) => util(l, a.id) - util(l, b.id))[0];
        if (!dest) continue;
        const next = { ...after, [t.id]: dest.id };
        if (top(load(next)) < top(l)) { Object.assign(after, next); moved = true; break; }
      }
      if (!moved) break;
    }
    const lb = load(before), la = load(after);
    const name = (id) => db.reps.find((r) => r.id === id)?.name ?? null;
    const effect = (id, delta) => `${name(id)} (${pctOf(util(lb, id))} → ${pctOf(cap[id] ? (lb[id] + delta) / cap[id] : null)})`;
    const objective = (l, a) => ({
      at_risk: 0, max_utilization: top(l),
      moves: tasks.filter((t) => before[t.id] !== null && a[t.id] !== before[t.id]).length,
      sum_squares: db.reps.reduce((s, r) => s + (util(l, r.id) ?? 0) ** 2, 0),
    });
    const changes = tasks.filter((t) => after[t.id] !== before[t.id]).map((t) => ({
      task: t.id, title: t.title, minutes: t.hours * 60, due: t.due ?? req.to,
      from: before[t.id], from_name: name(before[t.id]), to: after[t.id], to_name: name(after[t.id]),
      reason: before[t.id]
        ? `moves ${t.hours} h from ${effect(before[t.id], -t.hours * 60)} to ${effect(after[t.id], t.hours * 60)}`
        : `gives ${t.hours} h of unassigned work to ${effect(after[t.id], t.hours * 60)}`,
      at_risk: false, held_back: null,
    }));
    held = { token: ++tokens, req, la, util, changes, counter };
    const proposed = changes.filter((c) => c.held_back === null);
    return {
      token: held.token,
      summary: {
        from: req.from, to: req.to, counter, before: objective(lb, before), after: objective(la, after),
        bounds: { at_risk: 0, max_utilization: top(la), optimal: false },
        proposed: proposed.length, held_back: changes.length - proposed.length,
        changes: { rows: proposed.slice(0, 50), offset: 0, total: proposed.length, counter },
        unassignable: f.unassignable, unassignable_total: f.unassignable.length, notice: null,
      },
    };
  }
  const cut = (rows, window) => {
    const offset = Math.min(window.offset, rows.length);
    return { rows: rows.slice(offset, offset + window.limit), offset, total: rows.length, counter };
  };
  function workloadPage({ from, to, query, window, plan }) {
    const f = balanceFigures({ from, to });
    const lb = f.load(f.before);
    const h = held && held.token === plan && held.req.from === from && held.req.to === to ? held : null;
    const words = query.search.toLowerCase().split(/\s+/).filter(Boolean);
    const rows = db.reps
      .filter((r) => query.team.kind === 'all' || (query.team.kind === 'no_team' ? r.team === null : r.team === query.team.id))
      .filter((r) => words.every((w) => `${r.name} ${r.id}`.toLowerCase().includes(w)))
      .map((r) => {
        const u = f.util(lb, r.id);
        const ua = h ? h.util(h.la, r.id) : null;
        return {
          rep: r.id, name: r.name, team: r.team, team_name: db.teams.find((t) => t.id === r.team)?.name ?? null,
          capacity_minutes: f.cap[r.id], now: { load_minutes: lb[r.id], utilization: u, band: band(u), at_risk: 0 },
          after: h ? { load_minutes: h.la[r.id], utilization: ua, band: band(ua), at_risk: 0 } : null,
        };
      })
      .sort((a, b) => (query.sort === 'name' ? 0 : (b.now.utilization ?? 1e9) - (a.now.utilization ?? 1e9)) || a.name.localeCompare(b.name));
    const over = rows.filter((r) => r.now.band === 'over').length;
    return {
      from, to, rows: cut(rows, window), planned: !!h, stale: !!h && h.counter !== counter,
      totals: { capacity_minutes: rows.reduce((s, r) => s + r.capacity_minutes, 0), load_minutes: rows.reduce((s, r) => s + r.now.load_minutes, 0),
        at_risk: 0, over, at_risk_after: h ? 0 : null, over_after: h ? rows.filter((r) => r.after.band === 'over').length : null },
    };
  }
  function workloadTasks({ from, to, query, window }) {
    const f = balanceFigures({ from, to });
    const lb = f.load(f.before);
    const words = query.search.toLowerCase().split(/\s+/).filter(Boolean);
    const o = query.owner;
    const rows = db.tasks
      .filter((t) => o.kind === 'all' || (o.kind === 'unassigned' ? t.assignee === null : t.assignee === o.id))
      .filter((t) => words.every((w) => `${t.title} ${t.id}`.toLowerCase().includes(w)))
      .sort((a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999') || a.title.localeCompare(b.title))
      .map((t) => ({ task: clone(t), revision: revs.tasks[t.id] ?? counter, assignee_name: db.reps.find((r) => r.id === t.assignee)?.name ?? null,
        at_risk: t.assignee !== null && (f.util(lb, t.assignee) ?? 2) > 1 }));
    return cut(rows, window);
  }

  // A stand-in for the calendar view: weekly meetings expanded by COUNT,
  // working hours 09–17 on each rep's weekdays, converted with Intl offsets
  // (approximate around DST changes; the real conversion is Rust's).
  function calendarView({ reps, from, to, timeZone, hours, tasks }) {
    const msOf = (wallText, zone) => {
      const guess = Date.parse(`${wallText}:00Z`);
      return guess - offsetMinutes(zone, new Date(guess)) * 60000;
    };
    const inView = (ms) => wall(ms + offsetMinutes(timeZone, new Date(ms)) * 60000);
    const lo = msOf(`${from}T00:00`, timeZone);
    const hi = msOf(`${addDays(to, 1)}T00:00`, timeZone);
    const events = [];
    const resources = [];
    for (const id of reps) {
      const r = db.reps.find((x) => x.id === id);
      if (!r) throw { code: 'not_found', message: `no rep "${id}"`, problems: [] };
      resources.push({ id, name: r.name, time_zone: r.time_zone, offsets: `UTC${offsetMinutes(r.time_zone, new Date(lo)) >= 0 ? '+' : '-'}${String(Math.floor(Math.abs(offsetMinutes(r.time_zone, new Date(lo))) / 60)).padStart(2, '0')}:${String(Math.abs(offsetMinutes(r.time_zone, new Date(lo))) % 60).padStart(2, '0')}` });
      const base = { rep: id, meeting: null, meeting_zone: null, attendees: [], office: null, teammates: [] };
      if (hours) {
        for (let d = addDays(from, -1); d <= addDays(to, 1); d = addDays(d, 1)) {
          if (!(r.working_hours[wdOf(d)] ?? []).length) continue;
          for (const [a, b] of r.working_hours[wdOf(d)]) {
            const s = Math.max(lo, msOf(`${d}T${a}`, r.time_zone));
            const e = Math.min(hi, msOf(`${d}T${b === '24:00' ? '23:59' : b}`, r.time_zone));
            if (s < e) events.push({ ...base, id: `working:${id}:${s}`, kind: 'working', title: 'Working hours', start: inView(s), end: inView(e), all_day: false });
          }
        }
      }
      for (const m of db.meetings.filter((x) => x.attendees.includes(id))) {
        const count = Number((/COUNT=(\d+)/.exec(m.rrule ?? '') ?? [0, 1])[1]);
        for (let k = 0; k < count; k++) {
          const s = msOf(`${addDays(m.start.slice(0, 10), 7 * k)}T${m.start.slice(11, 16)}`, m.time_zone);
          const e = s + m.duration_minutes * 60000;
          if (e <= lo || s >= hi) continue;
          const attendees = m.attendees.map((a) => db.reps.find((x) => x.id === a)).filter(Boolean).map((a) => ({
            rep: a.id, name: a.name, time_zone: a.time_zone,
            local_start: wall(s + offsetMinutes(a.time_zone, new Date(s)) * 60000),
            local_end: wall(e + offsetMinutes(a.time_zone, new Date(e)) * 60000),
          }));
          events.push({ ...base, id: `meeting:${id}:${m.id}:${s}`, kind: 'meeting', title: m.title, start: inView(s), end: inView(e), all_day: false, meeting: m.id, meeting_zone: m.time_zone, attendees });
        }
      }
      for (const od of db.office_days.filter((x) => x.rep === id && x.date >= from && x.date <= to)) {
        const office = db.offices.find((o) => o.id === od.office)?.name ?? od.office;
        const teammates = db.office_days.filter((x) => x.date === od.date && x.office === od.office && x.rep !== id)
          .map((x) => db.reps.find((y) => y.id === x.rep)).filter((y) => y && r.team && y.team === r.team).map((y) => y.name);
        events.push({ ...base, id: `office:${id}:${od.date}`, kind: 'office_day', title: `In the office · ${office}`, start: od.date, end: addDays(od.date, 1), all_day: true, office, teammates });
      }
      if (tasks) {
        for (const t of db.tasks.filter((x) => x.assignee === id && x.due && x.due >= from && x.due <= to)) {
          events.push({ ...base, id: `task:${id}:${t.id}`, kind: 'task_due', title: `Due: ${t.title}`, start: t.due, end: addDays(t.due, 1), all_day: true });
        }
      }
    }
    return { from, to, time_zone: timeZone, resources, events };
  }

  // A stand-in for the team week: the viewer's days (Intl offsets at each
  // midnight), lines grouped by team and paged, each rep's working hours and
  // weekly meetings cut per day. The real layout, DST included, is Rust's.
  function teamWeek({ query, window }) {
    const zone = query.time_zone;
    if (!zones.includes(zone)) throw { code: 'invalid', message: `unknown time zone "${zone}"`, problems: [] };
    const msOf = (text, z) => { const g = Date.parse(`${text}:00Z`); return g - offsetMinutes(z, new Date(g)) * 60000; };
    const start = weekStart(query.date, query.first_day);
    const from = query.work_week ? mondayOf(addDays(start, 6)) : start;
    const days = [...Array(query.work_week ? 5 : 7).keys()].map((i) => {
      const date = addDays(from, i);
      const s = msOf(`${date}T00:00`, zone);
      const minutes = (msOf(`${addDays(date, 1)}T00:00`, zone) - s) / 60000;
      const hours = [...Array(Math.floor(minutes / 60)).keys()].map((h) => ({ at: h * 60, label: inZone(s + h * 3600000, zone).slice(11) }));
      return { date, start: s / 60000, minutes, hours };
    });
    const spans = (s, e) => days.flatMap((d, i) => {
      const a = Math.max(s / 60000, d.start), b = Math.min(e / 60000, d.start + d.minutes);
      return a < b ? [{ day: i, from: a - d.start, to: b - d.start }] : [];
    });
    const dayOf = (date) => days.findIndex((d) => d.date === date);
    const repWeek = (r) => {
      const working = [];
      for (let d = addDays(from, -1); d <= addDays(from, days.length); d = addDays(d, 1)) {
        for (const [a, b] of r.working_hours[wdOf(d)] ?? []) working.push(...spans(msOf(`${d}T${a}`, r.time_zone), msOf(`${d}T${b === '24:00' ? '23:59' : b}`, r.time_zone)));
      }
      const meetings = db.meetings.filter((m) => m.attendees.includes(r.id)).flatMap((m) => {
        const count = Number((/COUNT=(\d+)/.exec(m.rrule ?? '') ?? [0, 1])[1]);
        return [...Array(count).keys()].flatMap((k) => {
          const s = msOf(`${addDays(m.start.slice(0, 10), 7 * k)}T${m.start.slice(11, 16)}`, m.time_zone);
          const e = s + m.duration_minutes * 60000;
          return spans(s, e).map((span) => ({
            id: `${m.id}:${s}:${span.day}`, meeting: m.id, title: m.title, span, start: inZone(s, zone), end: inZone(e, zone),
            local_start: inZone(s, r.time_zone), local_end: inZone(e, r.time_zone), meeting_zone: m.time_zone, attendees: m.attendees.length,
          }));
        });
      });
      const office_days = db.office_days.filter((d) => d.rep === r.id && dayOf(d.date) >= 0)
        .map((d) => ({ day: dayOf(d.date), office: db.offices.find((o) => o.id === d.office)?.name ?? d.office }));
      const time_off = days.flatMap((d, i) => (r.time_off.some((t) => t.start <= d.date && d.date <= t.end) ? [i] : []));
      const travel = days.flatMap((d, i) => {
        const trip = tripOn(r, d.date);
        return trip ? [{ day: i, office: db.offices.find((o) => o.id === trip.office)?.name ?? trip.office }] : [];
      });
      return { kind: 'rep', id: r.id, name: r.name, team: r.team, time_zone: r.time_zone, offsets: '', working, stretch: [], meetings, office_days, time_off, holidays: [], travel };
    };
    const words = query.search.toLowerCase().split(/\s+/).filter(Boolean);
    const teamName = (id) => db.teams.find((t) => t.id === id)?.name ?? id;
    const reps = db.reps
      .filter((r) => query.team.kind === 'all' || (query.team.kind === 'no_team' ? r.team === null : r.team === query.team.id))
      .filter((r) => words.every((w) => [r.name, r.id, r.time_zone, r.team ? teamName(r.team) : ''].join(' ').toLowerCase().includes(w)));
    const keys = [...new Set(reps.map((r) => r.team ?? ''))].sort((a, b) => (a === '') - (b === '') || teamName(a).localeCompare(teamName(b)));
    const flat = keys.flatMap((key) => {
      const members = reps.filter((r) => (r.team ?? '') === key).sort((a, b) => a.name.localeCompare(b.name));
      const collapsed = query.collapsed.includes(key);
      return [{ kind: 'group', key, name: key ? teamName(key) : 'No team', reps: members.length, collapsed }, ...(collapsed ? [] : members)];
    });
    const rows = flat.slice(window.offset, window.offset + window.limit).map((x) => (x.kind === 'group' ? x : repWeek(x)));
    return {
      from, to: addDays(from, days.length - 1), time_zone: zone, offsets: '', days, reps: reps.length, groups: keys.length,
      lines: { rows, offset: window.offset, total: flat.length, counter },
    };
  }
  const inZone = (ms, zone) => wall(ms + offsetMinutes(zone, new Date(ms)) * 60000);

  // My week as Rust reads it: the rep's accepted office days, teammates in, why other days are remote;
  // on a trip day the visited office is the office of the day.
  function myWeek({ rep, date, firstDay }) {
    const me = db.reps.find((r) => r.id === rep);
    if (!me) return null;
    const start = weekStart(date, firstDay);
    const home = db.offices.find((o) => o.id === me.office) ?? null;
    const days = [...Array(7).keys()].map((i) => {
      const d = addDays(start, i);
      const wd = wdOf(d);
      const mine = db.office_days.find((x) => x.rep === me.id && x.date === d);
      const trip = tripOn(me, d);
      const at = trip ? (db.offices.find((o) => o.id === trip.office) ?? null) : home;
      const teammates = mine && me.team
        ? db.office_days.filter((x) => x.date === d && x.office === mine.office && x.rep !== me.id)
          .map((x) => db.reps.find((y) => y.id === x.rep)).filter((y) => y && y.team === me.team).map((y) => y.name).sort()
        : [];
      return {
        date: d, weekday: wd, office: mine ? (db.offices.find((o) => o.id === mine.office)?.name ?? mine.office) : null, teammates,
        time_off: me.time_off.some((t) => t.start <= d && d <= t.end), travel: trip ? (at?.name ?? trip.office) : null,
        holiday: null, office_holiday: null, closed: !!at && (!at.open_days.includes(wd) || at.closed_dates.includes(d)),
        no_office_day: me.no_office_days.includes(wd), working: (me.working_hours[wd] ?? []).length > 0,
      };
    }).filter((d) => !['sat', 'sun'].includes(d.weekday) || d.office || d.working);
    const officeDays = days.filter((d) => d.office).length;
    const next = officeDays ? null : db.office_days.filter((x) => x.rep === me.id && x.date >= addDays(start, 7)).map((x) => x.date).sort()[0];
    return {
      rep: me.id, name: me.name, time_zone: me.time_zone, team: me.team, home_office: home?.name ?? null, start, days,
      office_days: officeDays, next_planned: next ? weekStart(next, firstDay) : null, revision: counter, counter,
    };
  }

  // The fairness ledger, a stand-in for Rust's: meetings counted per
  // occurrence (COUNT only), those starting before 09:00 in the meeting's
  // zone are "early" and all their minutes "outside"; preferred days asked =
  // preferred weekdays in the period, granted = accepted office days on them;
  // no moves, no overload. Sorted and paged as Rust does.
  function fairnessPage({ query, window: w }) {
    const team = db.teams.find((t) => t.id === query.team);
    if (!team) throw { code: 'not_found', message: `no team "${query.team}"`, problems: [] };
    const to = query.to ?? window.__FAKE_BACKEND__.today;
    const from = query.from ?? addDays(to, -90);
    if (to < from) throw invalid([{ path: 'to', message: `the period ${from} to ${to} must not end before it starts` }]);
    const dates = [];
    for (let d = from; d <= to; d = addDays(d, 1)) dates.push(d);
    const rows = db.reps.filter((r) => r.team === team.id).map((r) => {
      let meetings = 0;
      let early = 0;
      let outside = 0;
      for (const m of db.meetings.filter((x) => x.attendees.includes(r.id))) {
        const count = Number((/COUNT=(\d+)/.exec(m.rrule ?? '') ?? [0, 1])[1]);
        for (let k = 0; k < count; k++) {
          const day = addDays(m.start.slice(0, 10), 7 * k);
          if (day < from || day > to) continue;
          meetings++;
          if (mins(m.start.slice(11, 16)) < 9 * 60) {
            early++;
            outside += m.duration_minutes;
          }
        }
      }
      const asked = dates.filter((d) => r.preferred_office_days.includes(wdOf(d)));
      const granted = asked.filter((d) => db.office_days.some((x) => x.rep === r.id && x.date === d));
      return {
        rep: r.id, name: r.name, meetings, stretch_minutes: 0, outside_minutes: outside, early, late: 0, on_days_off: 0,
        preferred_asked: asked.length, preferred_granted: granted.length, moved_to: 0, moved_from: 0, overloaded_weeks: 0, weeks: 13,
      };
    });
    const value = (r) => {
      switch (query.sort) {
        case 'name': return r.outside_minutes;
        case 'preferred_granted': return r.preferred_asked ? (100 * r.preferred_granted) / r.preferred_asked : null;
        default: return r[query.sort];
      }
    };
    const byName = (a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()) || a.rep.localeCompare(b.rep);
    rows.sort((a, b) => {
      if (query.sort === 'name') return query.descending ? byName(b, a) : byName(a, b);
      const x = value(a);
      const y = value(b);
      if (x === null || y === null) return (x === null) - (y === null) || byName(a, b);
      return (query.descending ? y - x : x - y) || byName(a, b);
    });
    const page = cut(rows, w);
    return {
      team: team.id, team_name: team.name, from, to, sort: query.sort, descending: query.descending,
      rows: page, chart: page.rows.map(value), max_period_days: 366,
    };
  }

  function taskProblems(t) {
    const p = [];
    if (t.assignee !== null && !db.reps.some((r) => r.id === t.assignee)) p.push({ path: 'assignee', message: `unknown rep "${t.assignee}"` });
    if (!(t.hours > 0)) p.push({ path: 'hours', message: 'hours must be more than 0' });
    return p;
  }

  const handlers = {
    about: () => ({ version: '0.0.0-test', tzdata: 'test', holidays: 'test', db_path: null }),
    set_language: () => null,
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
    suggest_meeting: ({ request, order }) => {
      suggestOrders.push(order);
      return suggest(request, order);
    },
    book_meeting: ({ booking }) => book(booking),
    delete_meeting: ({ id }) => remove('meetings', id),
    // The Meetings list: upcoming = first start on or after the fake "now"
    // (2026-11-01), soonest first; the rest past, latest first. The schedule
    // words are a stand-in for Rust's.
    meetings_page: ({ query, window }) => {
      const words = query.search.toLowerCase().split(/\s+/).filter(Boolean);
      const name = (id) => db.reps.find((r) => r.id === id)?.name ?? id;
      const hit = (m) => words.every((w) => [m.title, m.id, m.time_zone, ...m.attendees, ...m.attendees.map(name)].join(' ').toLowerCase().includes(w));
      const up = db.meetings.filter((m) => hit(m) && m.start >= '2026-11-01').sort((a, b) => a.start.localeCompare(b.start));
      const past = db.meetings.filter((m) => hit(m) && m.start < '2026-11-01').sort((a, b) => b.start.localeCompare(a.start));
      const all = query.when === 'upcoming' ? up : past;
      const offset = Math.min(window.offset, all.length);
      const rows = all.slice(offset, offset + window.limit).map((m) => ({
        id: m.id, title: m.title, time_zone: m.time_zone, duration_minutes: m.duration_minutes, attendee_count: m.attendees.length,
        attendee_names: m.attendees.slice(0, 3).map(name), when: null, when_local: m.start,
        recurrence: `${m.rrule ?? 'Once'}, ${m.start.slice(11)} ${m.time_zone}`, revision: revs.meetings[m.id] ?? counter,
      }));
      return { rows, offset, total: all.length, upcoming: up.length, past: past.length, counter };
    },
    meeting_form: ({ id }) => {
      const m = db.meetings.find((x) => x.id === id);
      if (!m) throw { code: 'not_found', message: `no meeting "${id}"`, problems: [] };
      const attendees = m.attendees.map((a) => ({ id: a, name: db.reps.find((r) => r.id === a)?.name ?? a, time_zone: db.reps.find((r) => r.id === a)?.time_zone ?? null }));
      return { meeting: clone(m), revision: revs.meetings[id] ?? counter, attendees, recurrence: m.rrule ?? 'Once' };
    },
    update_meeting: ({ meeting, revision }) => {
      if (revision !== null && revision !== (revs.meetings[meeting.id] ?? counter)) throw { code: 'conflict', message: `meeting ${meeting.id} changed since the form opened`, problems: [] };
      const p = [];
      if (meeting.rrule !== null && !/^FREQ=/.test(meeting.rrule)) p.push({ path: 'rrule', message: 'FREQ is required' });
      meeting.attendees.forEach((a, i) => db.reps.some((r) => r.id === a) || p.push({ path: `attendees[${i}]`, message: `unknown rep "${a}"` }));
      if (p.length) throw invalid(p);
      return upsert('meetings', meeting, 'update');
    },
    plan_rotation: (args) => holdRotation(args),
    rotation_board: (args) => rotationBoard(args),
    rotation_explanation: (args) => rotationExplanation(args),
    cancel_planning: () => null,
    discard_rotation: () => null,
    set_rotation_window: ({ from, weeks }) => {
      const start = mondayOf(from);
      const last = addDays(start, weeks * 7 - 1);
      const locks = (db.requests.rotation?.locks ?? []).filter((l) => l.date >= start && l.date <= last);
      db.requests.rotation = { from, weeks, locks };
      return clone(db);
    },
    set_rotation_lock: (args) => setRotationLock(args),
    what_if_policy: (args) => tryPolicy(args),
    what_if_page: ({ token, offices, reps }) => (whatIfHeld?.token === token ? whatIfView(whatIfHeld, offices, reps) : null),
    adopt_what_if: ({ token }) => {
      if (whatIfHeld?.token !== token) throw { code: 'not_found', message: 'this what-if is no longer held: try it again', problems: [] };
      if (whatIfHeld.counter !== counter) throw { code: 'conflict', message: 'The team changed since this what-if was made: try it again', problems: [] };
      const t = whatIfHeld.tried;
      whatIfHeld = null;
      db = { ...db, policy: t.policy, offices: t.offices, teams: t.teams, reps: t.reps };
      return clone(db);
    },
    accept_rotation: ({ plan: token }) => {
      if (rotHeld?.token !== token) throw { code: 'not_found', message: 'this plan is no longer held (a newer plan replaced it): plan again', problems: [] };
      const plan = rotHeld.answer;
      rotHeld = null;
      // Days before today keep their accepted office days.
      const start = [mondayOf(plan.from), window.__FAKE_BACKEND__.today].sort()[1];
      const last = addDays(start, plan.weeks * 7 - 1);
      const covered = (rep) => plan.office === null || db.reps.find((r) => r.id === rep)?.office === plan.office;
      db.office_days = db.office_days.filter((d) => d.date < start || d.date > last || !covered(d.rep)).concat(plan.assignments.filter((a) => a.date >= start).map((a) => ({ ...a })));
      return clone(db);
    },
    create_task: ({ task }) => upsert('tasks', task, 'create', taskProblems),
    update_task: ({ task }) => upsert('tasks', task, 'update', taskProblems),
    delete_task: ({ id }) => remove('tasks', id),
    // With `slowPlans` a plan waits until Cancel, which Rust answers with `cancelled`.
    plan_balance: (args) => (window.__FAKE_BACKEND__.slowPlans ? new Promise((_, reject) => { stopPlan = reject; }) : planBalance(args)),
    cancel_balance: () => {
      stopPlan?.({ code: 'cancelled', message: 'planning was cancelled', problems: [] });
      stopPlan = null;
      return null;
    },
    discard_balance: () => ((held = null), null),
    balance_changes: ({ plan, filter, window }) => {
      if (!held || held.token !== plan) throw { code: 'not_found', message: 'plan again', problems: [] };
      return cut(held.changes.filter((c) => (c.held_back === null) === (filter === 'proposed')), window);
    },
    workload_settings: () => ({ ...(db.requests.balance ?? { from: '2026-11-30', to: '2026-12-13' }), stored: !!db.requests.balance, max_window_days: 366, full_from_percent: 80 }),
    workload_page: (args) => workloadPage(args),
    fairness_page: (args) => fairnessPage(args),
    workload_tasks: (args) => workloadTasks(args),
    get_task: ({ id }) => ({ item: clone(db.tasks.find((t) => t.id === id)), revision: revs.tasks[id] ?? counter }),
    calendar_view: (args) => calendarView(args),
    team_week: (args) => teamWeek(args),
    my_week: (args) => myWeek(args),
    // Native dialogs are Rust's; the fake "user" picks a broken team file and cancels saves.
    open_document: () => ({
      file: 'broken-team.json', summary: null, message: 'broken-team.json: 1 problem',
      problems: [{ path: 'reps[2].time_zone', message: 'unknown time zone "Mars/Base"' }],
    }),
    export_document: () => null,
    export_ics: () => null,
    export_reps_csv: () => null,
    save_reps_csv_template: () => 'meridian-people-template.csv',
    export_rotation_csv: () => null,
    // A test sets these to open the import previews (Rust's dialogs are not in the page).
    open_reps_csv: () => window.__FAKE_BACKEND__.repsCsvPick ?? null,
    open_ics_busy: () => window.__FAKE_BACKEND__.icsPick ?? null,
    cancel_import: () => null,
    set_balance_window: ({ from, to }) => {
      if (to < from) throw invalid([{ path: 'to', message: 'is before from' }]);
      db.requests.balance = { from, to };
      return clone(db);
    },
    apply_balance: ({ plan, tasks, allBut }) => {
      if (!held || held.token !== plan) throw { code: 'not_found', message: 'this plan is no longer held (a newer plan replaced it): plan again', problems: [] };
      const moves = held.changes.filter((c) => c.held_back === null && tasks.includes(c.task) !== allBut).map((c) => ({ task: c.task, rep: c.to }));
      for (const m of moves) {
        const t = db.tasks.find((x) => x.id === m.task);
        if (!t) throw { code: 'not_found', message: `no task "${m.task}"`, problems: [] };
        if (t.pinned && t.assignee !== m.rep) throw invalid([{ path: '[0].rep', message: `task ${t.id} is pinned` }]);
      }
      for (const m of moves) db.tasks.find((x) => x.id === m.task).assignee = m.rep;
      return clone(db);
    },
    update_policy: ({ policy }) => {
      const { min, max } = policy.office_days_per_week;
      if (min > max) throw invalid([{ path: 'office_days_per_week', message: 'min is more than max' }]);
      db.policy = clone(policy);
      return clone(db);
    },
  };

  // The screen queries: the directory (teams, offices, counts, limits) and
  // the People list sorted by name, filtered by search words and team.
  const teamName = (id) => db.teams.find((t) => t.id === id)?.name ?? null;
  const officeName = (id) => db.offices.find((o) => o.id === id)?.name ?? null;
  handlers.directory = () => ({
    teams: db.teams.map((team) => ({ team, revision: revs.teams[team.id] ?? counter, reps: db.reps.filter((r) => r.team === team.id).length })),
    offices: db.offices.map((office) => ({ office, revision: revs.offices[office.id] ?? counter, reps: db.reps.filter((r) => r.office === office.id).length })),
    policy: db.policy,
    counts: {
      reps: db.reps.length, teams: db.teams.length, offices: db.offices.length, meetings: db.meetings.length, tasks: db.tasks.length,
      reps_without_team: db.reps.filter((r) => r.team === null).length, remote_reps: db.reps.filter((r) => r.office === null).length,
    },
    limits: { id_chars: 128, name_chars: 200, title_chars: 500, skill_chars: 128, skills: 100, rrule_chars: 1000, time_zone_chars: 128, intervals_per_day: 48, closed_dates: 5000, time_off_blocks: 1000, attendees: 20000 },
    counter,
  });
  handlers.people_page = ({ query, window }) => {
    const words = query.search.toLowerCase().split(/\s+/).filter(Boolean);
    const f = query.team ?? { kind: 'all' };
    const rows = db.reps
      .filter((r) => f.kind === 'all' || (f.kind === 'no_team' ? r.team === null : r.team === f.id))
      .filter((r) => words.every((w) => [r.name, r.id, r.time_zone, teamName(r.team) ?? '', officeName(r.office) ?? 'remote', ...r.skills].join(' ').toLowerCase().includes(w)))
      .sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()) || a.id.localeCompare(b.id))
      .map((r) => ({ id: r.id, name: r.name, team: r.team, team_name: teamName(r.team), office: r.office,
        office_name: officeName(r.office), time_zone: r.time_zone, skills: r.skills, revision: revs.reps[r.id] ?? counter }));
    const offset = Math.min(window.offset, rows.length);
    return { rows: rows.slice(offset, offset + window.limit), offset, total: rows.length, counter };
  };
  handlers.team_members = ({ team }) => {
    const members = db.reps
      .filter((r) => r.team === team)
      .sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()) || a.id.localeCompare(b.id))
      .map((r) => ({ id: r.id, name: r.name, time_zone: r.time_zone }));
    return { members, total: members.length };
  };
  // The next Monday to Friday after today, as Rust's find_time_window.
  handlers.find_time_window = ({ today }) => {
    const d = new Date(`${today}T00:00:00Z`);
    const monday = new Date(d.getTime() + (7 - ((d.getUTCDay() + 6) % 7)) * 86_400_000);
    const day = (t) => new Date(t).toISOString().slice(0, 10);
    return { from: day(monday), to: day(monday.getTime() + 4 * 86_400_000) };
  };
  handlers.get_rep = ({ id }) => {
    const r = db.reps.find((x) => x.id === id);
    if (!r) throw { code: 'not_found', message: `no rep "${id}"`, problems: [] };
    return { item: clone(r), revision: revs.reps[id] ?? counter };
  };
  handlers.free_id = ({ kind, base }) => {
    const list = { rep: 'reps', team: 'teams', office: 'offices', meeting: 'meetings', task: 'tasks' }[kind];
    if (!list || !base) return null;
    for (let n = 1; ; n++) {
      const id = n === 1 ? base : `${base}-${n}`;
      if (!db[list].some((x) => x.id === id)) return id;
    }
  };
  // The Reports screen (issue 16): figures from the accepted office days, the
  // lead's own team kept as Rust keeps it in `settings`.
  let leadTeam = null;
  const isoWeekOf = (d) => {
    const th = new Date(`${addDays(mondayOf(d), 3)}T00:00:00Z`);
    const jan1 = Date.UTC(th.getUTCFullYear(), 0, 1);
    return `${th.getUTCFullYear()}-W${String(Math.floor((th - jan1) / 86400000 / 7) + 1).padStart(2, '0')}`;
  };
  const reportWindow = (q) => {
    const from = mondayOf(q.from ?? db.requests.rotation?.from ?? window.__FAKE_BACKEND__.today);
    const weeks = q.weeks ?? (q.from === null && db.requests.rotation ? db.requests.rotation.weeks : 4);
    if (weeks < 1 || weeks > 104) throw invalid([{ path: 'weeks', message: `${weeks} weeks: a report covers 1 to 104 weeks` }]);
    return { from, weeks };
  };
  const reportWeeks = (w, days) =>
    Array.from({ length: w.weeks }, (_, i) => addDays(w.from, 7 * i)).map((monday) => ({
      week: isoWeekOf(monday), monday, days: days ? [0, 1, 2, 3, 4].map((k) => addDays(monday, k)) : [],
    }));
  const pageOf = (rows, win) => ({ rows: rows.slice(win.offset, win.offset + Math.min(win.limit, 500)), offset: win.offset, total: rows.length, counter });
  const pct = (a, b) => (b > 0 ? Math.round((100 * a) / b) : null);
  const byName = (a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()) || a.id.localeCompare(b.id);
  handlers.desk_report = ({ query, window: win }) => {
    const w = reportWindow(query);
    const weeks = reportWeeks(w, true);
    const rows = [...db.offices].sort(byName).map((o) => {
      const days = weeks.flatMap((x) => x.days).map((date) => {
        const used = db.office_days.filter((d) => d.office === o.id && d.date === date).length;
        const closed = !o.open_days.includes(wdOf(date)) || o.closed_dates.includes(date);
        const level = closed ? 'closed' : used > o.desks ? 'over' : used === 0 ? 'empty' : 2 * used < o.desks ? 'low' : 5 * used < 4 * o.desks ? 'medium' : 'high';
        return { date, used, closed, holiday: null, percent: closed ? null : pct(used, o.desks), level };
      });
      const used = days.reduce((n, d) => n + d.used, 0);
      const capacity = o.desks * days.filter((d) => !d.closed).length;
      return { office: o.id, name: o.name, desks: o.desks, days, used, capacity, percent: pct(used, capacity), peak: Math.max(0, ...days.map((d) => d.used)) };
    });
    return { window: w, weeks, rows: pageOf(rows, win) };
  };
  const repWeeks = (r, w) => reportWeeks(w, false).map(({ week, monday }) => {
    const dates = [0, 1, 2, 3, 4].map((k) => addDays(monday, k));
    const n = db.office_days.filter((d) => d.rep === r.id && dates.includes(d.date)).length;
    const { min, max } = r.office_days_per_week ?? db.policy.office_days_per_week;
    const available = dates.filter((d) => !r.no_office_days.includes(wdOf(d))).length;
    const required = Math.min(min, available);
    const anchors = db.teams.find((t) => t.id === r.team)?.anchor_days ?? [];
    const inOn = (d) => db.office_days.some((x) => x.rep === r.id && x.date === d);
    const anchorDays = dates.filter((d) => anchors.includes(wdOf(d)));
    const prefDays = dates.filter((d) => r.preferred_office_days.includes(wdOf(d)));
    return { week, monday, office_days: n, min, max, available, required, status: n < required ? 'below' : n > max ? 'above' : 'within',
      anchor_available: anchorDays.length, anchor_attended: anchorDays.filter(inOn).length,
      preferred_available: prefDays.length, preferred_granted: prefDays.filter(inOn).length };
  });
  const totalsOf = (weeks) => weeks.reduce((t, x) => ({
    office_days: t.office_days + x.office_days, below: t.below + (x.status === 'below'), within: t.within + (x.status === 'within'), above: t.above + (x.status === 'above'),
    anchor_attended: t.anchor_attended + x.anchor_attended, anchor_available: t.anchor_available + x.anchor_available,
    preferred_granted: t.preferred_granted + x.preferred_granted, preferred_available: t.preferred_available + x.preferred_available,
  }), { office_days: 0, below: 0, within: 0, above: 0, anchor_attended: 0, anchor_available: 0, preferred_granted: 0, preferred_available: 0 });
  const complianceOf = (r, w) => { const weeks = repWeeks(r, w); return { rep: r.id, name: r.name, team: r.team, weeks, total: totalsOf(weeks) }; };
  handlers.team_report = ({ query, window: win }) => {
    const w = reportWindow(query);
    const weeks = reportWeeks(w, false);
    const rows = [...db.teams].sort(byName).map((t) => {
      const members = db.reps.filter((r) => r.team === t.id);
      const people = members.filter((r) => r.office !== null).map((r) => complianceOf(r, w));
      const figures = (monday) => {
        const days = db.office_days.filter((d) => members.some((m) => m.id === d.rep) && d.date >= monday && d.date <= addDays(monday, 6));
        const together = days.filter((a) => days.some((b) => b.rep !== a.rep && b.date === a.date && b.office === a.office)).length;
        let pairs = 0;
        days.forEach((a, i) => days.slice(i + 1).forEach((b) => { if (a.date === b.date && a.office === b.office) pairs += 1; }));
        return { member_days: days.length, together_days: together, percent: pct(together, days.length), pairs };
      };
      const pw = weeks.map((x) => ({ week: x.week, monday: x.monday, figures: figures(x.monday) }));
      const sum = pw.reduce((s, x) => ({ member_days: s.member_days + x.figures.member_days, together_days: s.together_days + x.figures.together_days, pairs: s.pairs + x.figures.pairs }), { member_days: 0, together_days: 0, pairs: 0 });
      const cweeks = weeks.map((x, i) => ({ week: x.week, monday: x.monday, totals: totalsOf(people.map((p) => p.weeks[i])) }));
      return {
        team: t.id, name: t.name, mine: leadTeam === t.id,
        presence: { team: t.id, name: t.name, members: members.length, weeks: pw, total: { ...sum, percent: pct(sum.together_days, sum.member_days) } },
        compliance: { team: t.id, name: t.name, reps: people.length, weeks: cweeks, total: totalsOf(people.flatMap((p) => p.weeks)) },
      };
    });
    return { window: w, weeks, rows: pageOf(rows, win) };
  };
  handlers.people_report = ({ query, window: win }) => {
    const w = reportWindow(query);
    const team = db.teams.find((t) => t.id === leadTeam) ?? null;
    const rows = team ? db.reps.filter((r) => r.team === team.id && r.office !== null).sort(byName).map((r) => complianceOf(r, w)) : [];
    return { window: w, weeks: reportWeeks(w, false), lead_team: team && { id: team.id, name: team.name }, rows: pageOf(rows, win) };
  };
  handlers.set_lead_team = ({ team }) => {
    if (team !== null && !db.teams.some((t) => t.id === team)) throw { code: 'not_found', message: `no team with id "${team}"`, problems: [] };
    leadTeam = team;
    return changes(clone(db), clone(db), false);
  };
  handlers.export_report = ({ request }) => {
    window.__FAKE_BACKEND__.lastReport = clone(request);
    return `meridian-${request.kind}-report.${request.format}`;
  };
  const backups = [];
  handlers.list_backups = () => clone(backups);
  handlers.create_backup = () => {
    const file = 'meridian-20261204T190211Z-manual.db';
    const c = { teams: db.teams.length, offices: db.offices.length, reps: db.reps.length, meetings: db.meetings.length, tasks: db.tasks.length };
    if (!backups.some((b) => b.file === file)) backups.unshift({ file, created: '2026-12-04T19:02:11Z', bytes: 98304, automatic: false, counts: c, problem: null });
    return file;
  };
  // The page listens for other writers' changes and for publish progress;
  // the fake keeps the listeners so it can send the latter.
  const listeners = [];
  handlers['plugin:event|listen'] = ({ event, handler }) => (listeners.push({ event, handler }), listeners.length);
  handlers['plugin:event|unlisten'] = () => null;
  const emitEvent = (event, payload) => {
    for (const l of listeners) if (l.event === event) window[`_${l.handler}`]?.({ event, id: 0, payload });
  };

  // Publishing (issue 13): one team's calendar on a pretend server. The
  // first publish sends everything, then someone "edits" one event there,
  // which comes back as a conflict. No keyring: passwords last the session.
  const publishing = {};
  const waitingOf = (t) => t.preview.create + t.preview.update + t.preview.delete;
  handlers.publish_targets = () => ({ targets: Object.values(publishing).map(clone), keyring: false });
  handlers.set_publish_target = ({ team, url, user, include, password }) => {
    if (!/^https:\/\//.test(url)) throw { code: 'invalid', message: `${url} is not a calendar address Meridian can use: use an https:// address`, problems: [] };
    const name = db.teams.find((t) => t.id === team)?.name ?? team;
    const members = db.reps.filter((r) => r.team === team).length;
    const old = publishing[team];
    publishing[team] = {
      target: { team, team_name: name, url, user, include, last_run: old?.target.last_run ?? null, last_ok: old?.target.last_ok ?? null, last_error: null, failures: 0 },
      preview: old?.preview ?? { create: members + 3, update: 0, delete: 0, unchanged: 0, conflicts: [] },
      preview_error: null,
      password: password || old ? 'session' : 'missing',
      retry_at: null,
      publishing: false,
    };
    return publishing[team].password;
  };
  handlers.remove_publish_target = ({ team }) => (delete publishing[team], null);
  handlers.cancel_publish = () => null;
  handlers.publish_team = async ({ team }) => {
    const row = publishing[team];
    const total = waitingOf(row);
    const p = row.preview;
    for (let done = 0; done <= total; done++) {
      emitEvent('publish-activity', { team, progress: { done, total }, finished: false });
      await new Promise((ok) => setTimeout(ok, 120));
    }
    const first = row.target.last_ok === null;
    const conflicts = first ? [{ uid: 'meeting-fake-sync@meridian', summary: 'Fake weekly sync', kind: 'edited', found: '2026-12-05T09:00:00Z' }] : p.conflicts;
    const report = {
      team, url: row.target.url, made_calendar: first, created: p.create, updated: p.update, deleted: p.delete,
      unchanged: p.unchanged, conflicts, pending: 0, error: null, retry: false,
    };
    row.target.last_run = row.target.last_ok = '2026-12-05T10:00:00Z';
    row.preview = { create: 0, update: 0, delete: 0, unchanged: p.unchanged + total - (first ? 1 : 0), conflicts };
    emitEvent('publish-activity', { team, progress: { done: total, total }, finished: true });
    return report;
  };
  handlers.resolve_publish_conflict = ({ team, uid, resolution }) => {
    const p = publishing[team].preview;
    p.conflicts = p.conflicts.filter((c) => c.uid !== uid);
    if (resolution === 'use_meridian') p.update += 1;
    else p.unchanged += 1;
    return clone(p);
  };
  handlers.followed_calendars = () => ({ calendars: [], keyring: false });

  // Rust answers a write with what it changed (store v2): the fake keeps
  // whole documents and answers with the difference, each changed item at
  // the write's revision.
  const LISTS = [['teams', 'team'], ['offices', 'office'], ['reps', 'rep'], ['meetings', 'meeting'], ['tasks', 'task']];
  let counter = 1;
  const revisions = () => Object.fromEntries(LISTS.map(([l]) => [l, Object.fromEntries(db[l].map((x) => [x.id, revs[l][x.id] ?? counter]))]));
  let revs = { teams: {}, offices: {}, reps: {}, meetings: {}, tasks: {} };
  function changes(before, after, replaced) {
    counter += 1;
    const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
    const c = { counter, removed: [], office_days_removed: [], office_days_added: [], policy: null, requests: null, replaced };
    for (const [list, kind] of LISTS) {
      const old = new Map(before[list].map((x) => [x.id, x]));
      const now = new Set(after[list].map((x) => x.id));
      c[list] = after[list].filter((x) => replaced || !same(old.get(x.id), x)).map((item) => ({ item, revision: counter }));
      for (const s of c[list]) revs[list][s.item.id] = counter;
      for (const id of old.keys()) if (!now.has(id)) { c.removed.push({ kind, id, removed: true }); delete revs[list][id]; }
    }
    const key = (d) => `${d.rep}|${d.date}`;
    const was = new Set(before.office_days.map(key));
    const is = new Set(after.office_days.map(key));
    c.office_days_removed = before.office_days.filter((d) => !is.has(key(d))).map((d) => ({ rep: d.rep, date: d.date }));
    c.office_days_added = after.office_days.filter((d) => !was.has(key(d)));
    if (!same(before.policy, after.policy)) c.policy = after.policy;
    if (!same(before.requests, after.requests)) c.requests = after.requests;
    return c;
  }
  const isScenario = (v) => v !== null && typeof v === 'object' && v.format === 'meridian.scenario/1';

  // Undo / redo as Rust keeps them: each write that changed the team is an
  // entry with the document before and after; undo puts "before" back when
  // the team is still as the write left it (else a conflict), redo the
  // reverse; a new write clears redo; 50 entries; a replaced team ends it.
  const undoStack = [];
  const redoStack = [];
  const undoWords = (cmd, args) => {
    const id = args.id ?? null;
    const label = (list) => db[list].find((x) => x.id === id)?.[list === 'meetings' || list === 'tasks' ? 'title' : 'name'] ?? id;
    switch (cmd) {
      case 'delete_meeting': return `delete meeting ${label('meetings')}`;
      case 'delete_rep': return `delete rep ${label('reps')}`;
      case 'delete_task': return `delete task ${label('tasks')}`;
      case 'delete_team': return `delete team ${label('teams')}`;
      case 'delete_office': return `delete office ${label('offices')}`;
      default: return cmd.replaceAll('_', ' ');
    }
  };
  function undoStep(from, to, flip) {
    const entry = from.pop();
    if (!entry) throw { code: 'not_found', message: `nothing to ${flip ? 'undo' : 'redo'}`, problems: [] };
    const expected = flip ? entry.after : entry.before;
    if (JSON.stringify(expected) !== JSON.stringify(db)) {
      from.push(entry);
      throw { code: 'conflict', message: `cannot ${flip ? 'undo' : 'redo'} "${entry.words}": the team was changed since; nothing was changed`, problems: [] };
    }
    to.push(entry);
    return { doc: clone(flip ? entry.before : entry.after), done: `${flip ? 'Undone' : 'Redone'}: ${entry.words}` };
  }
  handlers.undo_state = () => ({
    undo: undoStack.length ? `Undo: ${undoStack[undoStack.length - 1].words}` : null,
    redo: redoStack.length ? `Redo: ${redoStack[redoStack.length - 1].words}` : null,
    undo_steps: undoStack.length, redo_steps: redoStack.length, counter,
    undo_seq: undoStack.length ? undoStack[undoStack.length - 1].seq : null,
  });
  handlers.undo = () => undoStep(undoStack, redoStack, true);
  handlers.redo = () => undoStep(redoStack, undoStack, false);
  const UNDO_STEPS = new Set(['undo', 'redo']);
  function remember(cmd, words, before, after) {
    if (cmd === 'load_sample_team' || cmd === 'import_document' || cmd === 'restore_backup') {
      undoStack.length = 0;
      redoStack.length = 0;
      return;
    }
    if (JSON.stringify(before) === JSON.stringify(after)) return;
    // Its change number: `changes` below counts this write next.
    undoStack.push({ words, seq: counter + 1, before: clone(before), after: clone(after) });
    if (undoStack.length > 50) undoStack.shift();
    redoStack.length = 0;
  }

  window.__FAKE_BACKEND__ = { calls, suggestOrders, slowPlans: false, today: '2026-12-01', get db() { return db; } };
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
      if (cmd === 'load_team') return { scenario: clone(db), revisions: revisions(), counter };
      const before = clone(db);
      const words = UNDO_STEPS.has(cmd) ? null : undoWords(cmd, args);
      const out = h(args);
      if (UNDO_STEPS.has(cmd)) {
        db = out.doc;
        return { done: out.done, changes: changes(before, out.doc, false) };
      }
      if (!isScenario(out)) return out;
      remember(cmd, words, before, out);
      return changes(before, out, cmd === 'load_sample_team');
    },
  };
})();
