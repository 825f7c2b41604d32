/**
 * Records the solution plot over training for slides: every time the plot shows a new
 * evaluation (its `data-step` changes), the figure is rendered at a fixed size, a band with
 * the step (and relative L2 error) is drawn above it, and the frame is compressed at once
 * (so memory holds compressed frames only). `finish` writes the APNG.
 */
import { compressFrame, encodeApng, type CompressedFrame } from './apng';
import { plotImage } from '../plots/plotly';

/** Size of a recorded frame: the plot plus a label band on top. */
export const frameSize = { width: 720, plotHeight: 360, band: 36 };

/** Most frames one recording keeps (later evaluations are skipped). */
export const maxFrames = 150;

/** The label of a frame: the step of each run shown and its error, ASCII (it also goes into a PNG tEXt chunk). */
export function frameLabel(steps: string[], errors: string[]): string {
  return steps
    .map((s, i) => `${steps.length > 1 ? `${'AB'[i]}: ` : ''}step ${s}${errors[i] ? `, rel. L2 ${errors[i]}` : ''}`)
    .join('  |  ');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function loadImage(uri: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('the plot could not be rendered as an image'));
    img.src = uri;
  });
}

/** A recording of one chart element (see the file comment). */
export class PlotRecorder {
  readonly frames: CompressedFrame[] = [];
  private readonly observer: MutationObserver;
  private busy: Promise<void> = Promise.resolve();
  private lastLabel = '';

  /** `label()` reads the label of what the chart shows now; `onFrame` hears the frame count. */
  constructor(
    private readonly chart: HTMLElement,
    private readonly label: () => string,
    private readonly onFrame: (n: number) => void,
  ) {
    this.observer = new MutationObserver(() => this.capture());
    this.observer.observe(chart, { attributes: true, attributeFilter: ['data-step', 'data-step-b'] });
    this.capture();
  }

  /** Queue a capture of the chart as it is now (one at a time, in order; repeated labels skipped). */
  capture(): void {
    this.busy = this.busy.then(() => this.grab()).catch((e: unknown) => console.error('recording a frame failed:', e));
  }

  private async grab(): Promise<void> {
    // The plot redraws a moment after its step changes (and the first figure takes a while): wait for it.
    for (let i = 0; i < 20 && !this.chart.querySelector('.main-svg'); i++) await sleep(100);
    await sleep(50);
    const text = this.label();
    if (!text || text === this.lastLabel || this.frames.length >= maxFrames || !this.chart.querySelector('.main-svg'))
      return;
    this.lastLabel = text;
    const { width, plotHeight, band } = frameSize;
    const img = await loadImage(await plotImage(this.chart, width, plotHeight));
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = plotHeight + band;
    const g = canvas.getContext('2d')!;
    g.fillStyle = '#101827';
    g.fillRect(0, 0, width, band);
    g.fillStyle = '#ffffff';
    g.font = '600 18px system-ui, sans-serif';
    g.textBaseline = 'middle';
    g.fillText(text, 12, band / 2);
    g.drawImage(img, 0, band);
    const px = g.getImageData(0, 0, width, plotHeight + band).data;
    const frame = { label: text, zdata: await compressFrame(px, width, plotHeight + band) };
    // The same step drawn again (its error arrives after its first draw): the newer frame replaces it.
    const stepOf = (label: string) => /step (\d+)/.exec(label)?.[1];
    const last = this.frames.at(-1);
    if (last && stepOf(last.label) !== undefined && stepOf(last.label) === stepOf(text)) this.frames.pop();
    this.frames.push(frame);
    this.onFrame(this.frames.length);
  }

  /** Stop recording and write the animation (after the captures in flight). */
  async finish(): Promise<Uint8Array> {
    this.observer.disconnect();
    await this.busy;
    return encodeApng(this.frames, frameSize.width, frameSize.plotHeight + frameSize.band);
  }
}
