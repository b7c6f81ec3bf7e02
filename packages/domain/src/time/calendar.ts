// Working time, behind one interface. This first version knows weekends only;
// the calendar module (holidays, make-up days, working hours) replaces the implementation.
const SHANGHAI_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

export interface WorkingCalendar {
  /** date as YYYY-MM-DD in Asia/Shanghai */
  isWorkingDay(date: string): boolean;
  addWorkingHours(from: Date, hours: number): Date;
  addWorkingDays(from: Date, days: number): Date;
}

export function shanghaiDate(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

export function createWeekendCalendar(): WorkingCalendar {
  const isWorkingDay = (date: string) => {
    const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
    return dow !== 0 && dow !== 6;
  };
  return {
    isWorkingDay,
    addWorkingHours(from, hours) {
      // 8-hour working days, counted on whole days' worth of elapsed time.
      let remaining = hours * 3600_000;
      let t = from.getTime();
      const step = 3 * 3600_000;
      while (remaining > 0) {
        const dayStart = Math.floor((t + SHANGHAI_OFFSET_MS) / DAY_MS) * DAY_MS - SHANGHAI_OFFSET_MS;
        if (!isWorkingDay(shanghaiDate(new Date(t)))) {
          t = dayStart + DAY_MS;
          continue;
        }
        const chunk = Math.min(step, remaining, dayStart + DAY_MS - t);
        t += (chunk * 24) / 8;
        remaining -= chunk;
      }
      return new Date(t);
    },
    addWorkingDays(from, days) {
      let t = from.getTime();
      let left = days;
      while (left > 0) {
        t += DAY_MS;
        if (isWorkingDay(shanghaiDate(new Date(t)))) left--;
      }
      return new Date(t);
    },
  };
}
