import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { initialState, LoadTask, TaskStatus } from './load-task.js';

/** A load the test settles by hand, with the signal and args it was started with. */
interface Call {
  args: readonly [string, number];
  signal: AbortSignal;
  resolve: (value: string | typeof initialState) => void;
  reject: (error: unknown) => void;
}

/** An element that shows its task's status: what a widget's user sees of it. */
class LoadTaskProbe extends LitElement {
  static override properties = { topic: {}, page: { type: Number } };
  topic = 'a';
  page = 1;
  readonly calls: Call[] = [];
  readonly completed: string[] = [];
  readonly failed: unknown[] = [];

  readonly task = new LoadTask(this, {
    // A new array on every update: only the elements may decide whether it runs again.
    args: () => [this.topic, this.page] as const,
    task: (args, { signal }) =>
      new Promise<string | typeof initialState>((resolve, reject) => this.calls.push({ args, signal, resolve, reject })),
    onComplete: (value) => this.completed.push(value),
    onError: (error) => this.failed.push(error),
  });

  override render() {
    return this.task.render({
      initial: () => 'initial',
      pending: () => `pending (${this.task.value ?? 'nothing yet'})`,
      complete: (value) => `complete: ${value}`,
      error: (error) => `error: ${(error as Error).message}`,
    });
  }
}
customElements.define('rai-load-task-probe', LoadTaskProbe);

const shown = (el: LoadTaskProbe) => el.shadowRoot!.textContent!.trim();

/** Lets the settled promise's continuation run, then waits for the render it asked for. */
async function settled(el: LoadTaskProbe): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve));
  await el.updateComplete;
}

async function probe(): Promise<LoadTaskProbe> {
  const el = await fixture<LoadTaskProbe>(html`<rai-load-task-probe></rai-load-task-probe>`);
  // The run started in the first update asked for a second one, to show it pending.
  await el.updateComplete;
  return el;
}

describe('LoadTask', () => {
  it('runs on the first update, shows it pending, then its value', async () => {
    const el = await probe();
    expect(el.calls.map((call) => call.args)).to.deep.equal([['a', 1]]);
    expect(el.task.status).to.equal(TaskStatus.PENDING);
    expect(shown(el)).to.equal('pending (nothing yet)');

    el.calls[0]!.resolve('A1');
    await settled(el);
    expect(el.task.status).to.equal(TaskStatus.COMPLETE);
    expect(shown(el)).to.equal('complete: A1');
    expect(el.completed).to.deep.equal(['A1']);
  });

  it('runs again when an arg changes, not on an update with equal args', async () => {
    const el = await probe();
    el.calls[0]!.resolve('A1');
    await settled(el);

    el.requestUpdate();
    await settled(el);
    expect(el.calls).to.have.length(1);

    el.page = 2;
    await el.updateComplete;
    expect(el.calls.map((call) => call.args)).to.deep.equal([['a', 1], ['a', 2]]);
    // The previous value stays readable while the next one loads (widgets keep showing it).
    expect(shown(el)).to.equal('pending (A1)');
    el.calls[1]!.resolve('A2');
    await settled(el);
    expect(shown(el)).to.equal('complete: A2');
  });

  it('aborts superseded runs and never lets their late results overwrite the newest one', async () => {
    const el = await probe();
    el.topic = 'b';
    await el.updateComplete;
    el.topic = 'c';
    await el.updateComplete;
    const [first, second, third] = el.calls;
    expect(el.calls.map((call) => call.args[0])).to.deep.equal(['a', 'b', 'c']);
    expect([first!.signal.aborted, second!.signal.aborted, third!.signal.aborted]).to.deep.equal([true, true, false]);

    third!.resolve('C1');
    await settled(el);
    first!.resolve('A1');
    second!.reject(new Error('too late'));
    await settled(el);
    expect(shown(el)).to.equal('complete: C1');
    expect(el.task.value).to.equal('C1');
    expect(el.completed).to.deep.equal(['C1']);
    expect(el.failed).to.deep.equal([]);
  });

  it('keeps a completed run’s signal live when the next run starts (its value may still use it)', async () => {
    const el = await probe();
    el.calls[0]!.resolve('A1');
    await settled(el);
    void el.task.run();
    expect(el.calls).to.have.length(2);
    expect(el.calls[0]!.signal.aborted).to.equal(false);
  });

  it('goes back to INITIAL when the task answers initialState', async () => {
    const el = await probe();
    el.calls[0]!.resolve('A1');
    await settled(el);
    el.topic = '';
    await el.updateComplete;
    el.calls[1]!.resolve(initialState);
    await settled(el);
    expect(el.task.status).to.equal(TaskStatus.INITIAL);
    expect(shown(el)).to.equal('initial');
    expect(el.completed).to.deep.equal(['A1']);
  });

  it('keeps the error, and run() retries: pending, then the value with the error cleared', async () => {
    const el = await probe();
    const failure = new Error('offline');
    el.calls[0]!.reject(failure);
    await settled(el);
    expect(el.task.status).to.equal(TaskStatus.ERROR);
    expect(el.task.error).to.equal(failure);
    expect(el.task.value).to.equal(undefined);
    expect(el.failed).to.deep.equal([failure]);
    expect(shown(el)).to.equal('error: offline');

    const retried = el.task.run();
    await el.updateComplete;
    expect(el.calls.map((call) => call.args)).to.deep.equal([['a', 1], ['a', 1]]);
    expect(shown(el)).to.equal('pending (nothing yet)');
    el.calls[1]!.resolve('A1');
    await retried;
    await el.updateComplete;
    expect(shown(el)).to.equal('complete: A1');
    expect(el.task.error).to.equal(undefined);
  });

  it('completes even when onComplete throws, and reports that error to the page', async () => {
    const el = await probe();
    const reported: unknown[] = [];
    // The page's error reporting (an uncaught error in the console), recorded here instead.
    const pageReportError = window.reportError;
    window.reportError = (error) => reported.push(error);
    const bug = new Error('bug in onComplete');
    el.completed.push = () => {
      throw bug;
    };
    try {
      el.calls[0]!.resolve('A1');
      await settled(el);
    } finally {
      window.reportError = pageReportError;
    }
    expect(reported).to.deep.equal([bug]);
    expect(shown(el)).to.equal('complete: A1');
  });
});
