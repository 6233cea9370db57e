/** What the analysis view drew, as the browser tests read it (set by client/src/analysis-panel.ts). */
interface AnalysisReport {
  /** Per person shown: drawn width in model pixels, fill colour as Cytoscape computed it, and the painted data. */
  readonly nodes: Record<
    string,
    { readonly width: number; readonly fill: string; readonly size: number | null; readonly unmeasured: boolean; readonly community: string | null }
  >;
}

interface Window {
  __atlasAnalysis?: () => AnalysisReport;
}
