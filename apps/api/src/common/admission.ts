import type { RequestHandler } from 'express';

export type AdmissionOptions = {
  /** Requests executing at once in this process. */
  concurrency: number;
  /** Requests waiting for a turn; beyond this, 503. */
  queue: number;
  /** Answers a request that cannot wait (the queue is full). */
  refuse: (res: Parameters<RequestHandler>[1]) => void;
};

/**
 * At most `concurrency` requests execute at once in this process; the others wait their turn, first
 * come first served, and a full queue is answered at once. On a server whose CPU is the limit, more
 * requests in flight do not finish sooner; they only hold more rows and responses in memory at the
 * same time (memory under load follows what executes, not how many clients wait). Requests take
 * their turn after their body has been read, and give it back when the response is sent or the
 * client leaves; a client that leaves while waiting loses its place.
 */
export function admission(options: AdmissionOptions): RequestHandler {
  let running = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  };

  return (_req, res, next) => {
    const start = () => {
      let released = false;
      const done = () => {
        if (released) return;
        released = true;
        release();
      };
      res.once('finish', done);
      res.once('close', done);
      next();
    };
    if (running < options.concurrency) {
      running += 1;
      start();
      return;
    }
    if (waiting.length >= options.queue) {
      options.refuse(res);
      return;
    }
    waiting.push(start);
    res.once('close', () => {
      const index = waiting.indexOf(start);
      if (index >= 0) waiting.splice(index, 1);
    });
  };
}
