//! Downlink scheduling of one satellite: earliest deadline first over its
//! contact time, with the memory it implies.
//!
//! Sending data is a preemptive single-machine schedule whose machine is
//! available only during contacts; each acquisition is a job released when
//! it ends, with a deadline and a size. Earliest-deadline-first meets every
//! deadline whenever any schedule does (Horn 1974, "Some simple scheduling
//! algorithms", Naval Research Logistics Quarterly 21(1), extended to
//! machine unavailability by time warping), and, being work-conserving, it
//! sends at least as much by every instant as any other schedule, so it
//! also minimises the memory in use at every instant. Memory is counted
//! conservatively: an acquisition occupies its whole volume from its start,
//! a downlink frees its volume at its end.

/// An acquisition to send.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Job {
    /// Caller's id.
    pub id: usize,
    /// Acquisition start, s (memory is taken from here).
    pub start_s: f64,
    /// Acquisition end, s (data can be sent from here).
    pub release_s: f64,
    /// Must be sent by, s.
    pub deadline_s: f64,
    /// Volume, Gbit.
    pub volume_gbit: f64,
}

/// Contact time of the satellite (non-overlapping, sorted).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Window {
    /// Station index.
    pub station: usize,
    /// Start, s.
    pub start_s: f64,
    /// End, s.
    pub end_s: f64,
}

/// A piece of a job sent in one window.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Chunk {
    /// Job id.
    pub job: usize,
    /// Station index.
    pub station: usize,
    /// Start, s.
    pub start_s: f64,
    /// End, s.
    pub end_s: f64,
    /// Volume, Gbit.
    pub volume_gbit: f64,
}

const EPS: f64 = 1e-9;

/// The EDF schedule of `jobs` over `windows` at `rate_gbit_s`, or `None`
/// when a deadline is missed, data is left on board, or memory exceeds
/// `memory_gbit`.
pub fn schedule(
    jobs: &[Job],
    windows: &[Window],
    rate_gbit_s: f64,
    memory_gbit: f64,
) -> Option<Vec<Chunk>> {
    let mut order: Vec<usize> = (0..jobs.len()).collect();
    order.sort_by(|&a, &b| jobs[a].release_s.total_cmp(&jobs[b].release_s));
    let mut left: Vec<f64> = jobs.iter().map(|j| j.volume_gbit).collect();
    let mut next = 0; // next job (in release order) not yet ready
    let mut ready: Vec<usize> = Vec::new();
    let mut chunks: Vec<Chunk> = Vec::new();
    for w in windows {
        let mut t = w.start_s;
        while t < w.end_s - EPS {
            while next < order.len() && jobs[order[next]].release_s <= t + EPS {
                ready.push(order[next]);
                next += 1;
            }
            let pick = ready.iter().enumerate().min_by(|a, b| {
                jobs[*a.1]
                    .deadline_s
                    .total_cmp(&jobs[*b.1].deadline_s)
                    .then(a.1.cmp(b.1))
            });
            let Some((pos, &j)) = pick else {
                // Idle until the next release inside the window.
                match order.get(next) {
                    Some(&n) if jobs[n].release_s < w.end_s => {
                        t = jobs[n].release_s;
                        continue;
                    }
                    _ => break,
                }
            };
            let next_release = order
                .get(next)
                .map_or(f64::INFINITY, |&n| jobs[n].release_s);
            let finish = t + left[j] / rate_gbit_s;
            let stop = finish.min(w.end_s).min(next_release.max(t + EPS));
            let sent = ((stop - t) * rate_gbit_s).min(left[j]);
            left[j] -= sent;
            match chunks.last_mut() {
                Some(c)
                    if c.job == jobs[j].id
                        && c.station == w.station
                        && (c.end_s - t).abs() < EPS =>
                {
                    c.end_s = stop;
                    c.volume_gbit += sent;
                }
                _ => chunks.push(Chunk {
                    job: jobs[j].id,
                    station: w.station,
                    start_s: t,
                    end_s: stop,
                    volume_gbit: sent,
                }),
            }
            if left[j] <= EPS * jobs[j].volume_gbit.max(1.0) {
                left[j] = 0.0;
                if stop > jobs[j].deadline_s + EPS {
                    return None;
                }
                ready.swap_remove(pos);
            }
            t = stop;
        }
    }
    if left.iter().any(|&l| l > 0.0) {
        return None;
    }
    // Memory at each acquisition start: volumes started so far minus
    // chunks finished by then.
    let mut ends: Vec<(f64, f64)> = chunks.iter().map(|c| (c.end_s, c.volume_gbit)).collect();
    ends.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut starts: Vec<(f64, f64)> = jobs.iter().map(|j| (j.start_s, j.volume_gbit)).collect();
    starts.sort_by(|a, b| a.0.total_cmp(&b.0));
    let (mut held, mut k) = (0.0, 0);
    for (s, v) in starts {
        while k < ends.len() && ends[k].0 <= s {
            held -= ends[k].1;
            k += 1;
        }
        held += v;
        if held > memory_gbit + 1e-6 {
            return None;
        }
    }
    Some(chunks)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn job(id: usize, release: f64, deadline: f64, volume: f64) -> Job {
        Job {
            id,
            start_s: release - 10.0,
            release_s: release,
            deadline_s: deadline,
            volume_gbit: volume,
        }
    }

    #[test]
    fn edf_meets_deadlines_a_fifo_would_miss() {
        let w = [Window {
            station: 0,
            start_s: 100.0,
            end_s: 200.0,
        }];
        // Rate 1 Gbit/s: job 0 (60 Gbit, due 250) and job 1 (30, due 140).
        let jobs = [job(0, 50.0, 250.0, 60.0), job(1, 60.0, 140.0, 30.0)];
        let c = schedule(&jobs, &w, 1.0, 1000.0).unwrap();
        assert_eq!(c[0].job, 1);
        assert!((c[0].end_s - 130.0).abs() < 1e-9);
        assert!((c[1].end_s - 190.0).abs() < 1e-9);
        // Too much data for the window.
        let jobs = [job(0, 50.0, 250.0, 80.0), job(1, 60.0, 140.0, 30.0)];
        assert!(schedule(&jobs, &w, 1.0, 1000.0).is_none());
        // Memory: both on board at once needs 90 Gbit.
        let jobs = [job(0, 50.0, 250.0, 60.0), job(1, 60.0, 140.0, 30.0)];
        assert!(schedule(&jobs, &w, 1.0, 80.0).is_none());
    }

    #[test]
    fn release_inside_a_window_preempts() {
        let w = [Window {
            station: 2,
            start_s: 0.0,
            end_s: 100.0,
        }];
        let jobs = [job(0, 0.0, 1000.0, 50.0), job(1, 20.0, 40.0, 10.0)];
        let c = schedule(&jobs, &w, 1.0, 1000.0).unwrap();
        assert_eq!(c.len(), 3);
        assert_eq!((c[1].job, c[1].start_s, c[1].end_s), (1, 20.0, 30.0));
    }
}
