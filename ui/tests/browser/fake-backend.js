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
  function suggest(req) {
    const p = [];
    if (req.required.length === 0) p.push({ path: 'required', message: 'at least one required attendee is needed' });
    req.required.forEach((id, i) => db.reps.some((r) => r.id === id) || p.push({ path: `required[${i}]`, message: `unknown rep "${id}"` }));
    if (req.to < req.from) p.push({ path: 'to', message: `the window ends (${req.to}) before it starts (${req.from})` });
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
    return { ...base, suggestions: taken.map((o) => ({ start: o.start, end: o.end, cost: o.cost * weeks, occurrences: [...Array(weeks).keys()].map((k) => strip(occurrence(req, Date.parse(o.start) + k * 7 * 86400000))), attendees: o.attendees })) };
  }
  function book(b) {
    const out = b.starts.map((s, i) => {
      const off = offsetMinutes(b.time_zone, new Date(s));
      return {
        id: i === 0 ? b.id : `${b.id}-w${i + 1}`, title: b.title, start: wall(Date.parse(s) + off * 60000), time_zone: b.time_zone,
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

  // A crude stand-in for the balancer: 8 h per weekday of the window, tasks in
  // due order; moves the busiest rep's biggest movable task to the least busy
  // rep with the skills while that lowers the highest utilisation.
  function planBalance({ from, to }) {
    const req = { from: from ?? db.requests.balance?.from, to: to ?? db.requests.balance?.to };
    let days = 0;
    for (let d = req.from; d <= req.to; d = addDays(d, 1)) if (WEEKDAYS.indexOf(wdOf(d)) < 5) days++;
    const cap = Object.fromEntries(db.reps.map((r) => [r.id, days * 480]));
    const can = (r, t) => t.skills_required.every((s) => r.skills.includes(s));
    const unassignable = db.tasks.filter((t) => !db.reps.some((r) => can(r, t))).map((t) => ({ task: t.id, reason: `no rep has skills: ${t.skills_required.join(', ')}` }));
    const tasks = db.tasks.filter((t) => !unassignable.some((u) => u.task === t.id));
    const before = Object.fromEntries(tasks.map((t) => [t.id, t.assignee]));
    const after = { ...before };
    for (const t of tasks) if (after[t.id] === null) after[t.id] = db.reps.find((r) => can(r, t)).id;
    const load = (a) => Object.fromEntries(db.reps.map((r) => [r.id, tasks.filter((t) => a[t.id] === r.id).reduce((m, t) => m + t.hours * 60, 0)]));
    const util = (l, id) => (cap[id] === 0 ? (l[id] === 0 ? 0 : null) : l[id] / cap[id]);
    const top = (l) => Math.max(...db.reps.map((r) => util(l, r.id) ?? 1e9));
    for (let guard = 0; guard < 20; guard++) {
      const l = load(after);
      const busiest = db.reps.reduce((a, b) => ((util(l, b.id) ?? 1e9) > (util(l, a.id) ?? 1e9) ? b : a)).id;
      const movable = tasks.filter((t) => after[t.id] === busiest && !t.pinned).sort((a, b) => b.hours - a.hours);
      let moved = false;
      for (const t of movable) {
        const to = db.reps.filter((r) => r.id !== busiest && can(r, t)).sort((a, b) => util(l, a.id) - util(l, b.id))[0];
        if (!to) continue;
        const next = { ...after, [t.id]: to.id };
        if (top(load(next)) < top(l)) { Object.assign(after, next); moved = true; break; }
      }
      if (!moved) break;
    }
    const lb = load(before), la = load(after);
    const objective = (l, a) => ({
      at_risk: 0,
      max_utilization: top(l),
      moves: tasks.filter((t) => before[t.id] !== null && a[t.id] !== before[t.id]).length,
      sum_squares: db.reps.reduce((s, r) => s + (util(l, r.id) ?? 0) ** 2, 0),
    });
    const pctOf = (l, id) => `${Math.round((util(l, id) ?? 0) * 100)}%`;
    return {
      assignments: tasks.map((t) => ({
        task: t.id, rep: after[t.id], moved_from: before[t.id] !== null && before[t.id] !== after[t.id] ? before[t.id] : null,
        title: t.title, minutes: t.hours * 60, due: t.due ?? req.to, pinned: t.pinned, at_risk: false,
        at_risk_before: (util(lb, before[t.id]) ?? 0) > 1,
        reason: after[t.id] === before[t.id] ? null
          : `${before[t.id] ?? 'unassigned'} ${before[t.id] ? pctOf(lb, before[t.id]) + ' → ' + pctOf(la, before[t.id]) + ', ' : ''}${after[t.id]} ${pctOf(lb, after[t.id])} → ${pctOf(la, after[t.id])}`,
      })),
      utilization: Object.fromEntries(db.reps.map((r) => [r.id, util(la, r.id)])),
      objective: objective(la, after),
      unassignable,
      infeasible_reason: null,
      from: req.from,
      to: req.to,
      before: objective(lb, before),
      reps: db.reps.map((r) => ({
        rep: r.id, name: r.name, time_zone: r.time_zone, capacity_minutes: cap[r.id],
        load_before_minutes: lb[r.id], load_minutes: la[r.id],
        utilization_before: util(lb, r.id), utilization: util(la, r.id), at_risk_before: 0, at_risk: 0,
      })),
      bounds: { at_risk: 0, max_utilization: top(la), optimal: false },
    };
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

  function taskProblems(t) {
    const p = [];
    if (t.assignee !== null && !db.reps.some((r) => r.id === t.assignee)) p.push({ path: 'assignee', message: `unknown rep "${t.assignee}"` });
    if (!(t.hours > 0)) p.push({ path: 'hours', message: 'hours must be more than 0' });
    return p;
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
    suggest_meeting: ({ request }) => suggest(request),
    book_meeting: ({ booking }) => book(booking),
    delete_meeting: ({ id }) => remove('meetings', id),
    plan_rotation: (args) => planRotation(args),
    set_rotation_window: ({ from, weeks }) => {
      const start = mondayOf(from);
      const last = addDays(start, weeks * 7 - 1);
      const locks = (db.requests.rotation?.locks ?? []).filter((l) => l.date >= start && l.date <= last);
      db.requests.rotation = { from, weeks, locks };
      return clone(db);
    },
    set_rotation_lock: (args) => setRotationLock(args),
    accept_rotation: ({ plan }) => {
      const start = mondayOf(plan.from);
      const last = addDays(start, plan.weeks * 7 - 1);
      const covered = (rep) => plan.office === null || db.reps.find((r) => r.id === rep)?.office === plan.office;
      db.office_days = db.office_days.filter((d) => d.date < start || d.date > last || !covered(d.rep)).concat(plan.assignments.map((a) => ({ ...a })));
      return clone(db);
    },
    create_task: ({ task }) => upsert('tasks', task, 'create', taskProblems),
    update_task: ({ task }) => upsert('tasks', task, 'update', taskProblems),
    delete_task: ({ id }) => remove('tasks', id),
    plan_balance: (args) => planBalance(args),
    calendar_view: (args) => calendarView(args),
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
    open_reps_csv: () => null,
    open_ics_busy: () => null,
    cancel_import: () => null,
    set_balance_window: ({ from, to }) => {
      if (to < from) throw invalid([{ path: 'to', message: 'is before from' }]);
      db.requests.balance = { from, to };
      return clone(db);
    },
    apply_balance: ({ moves }) => {
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

  handlers.list_backups = () => [];
  handlers.create_backup = () => 'meridian-20261204T190211Z-manual.db';
  // The page listens for other writers' changes; nothing else writes here.
  handlers['plugin:event|listen'] = () => 1;
  handlers['plugin:event|unlisten'] = () => null;

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
      if (cmd === 'load_team') return { scenario: clone(db), revisions: revisions(), counter };
      const before = clone(db);
      const out = h(args);
      return isScenario(out) ? changes(before, out, cmd === 'load_sample_team') : out;
    },
  };
})();
