import { Skeleton } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { lazy, Suspense } from 'react';

export type ChartOption = EChartsCoreOption;

export interface ChartProps {
  option: ChartOption;
  height?: number;
  /** What the chart shows, for screen readers. */
  label: string;
}

// ECharts is the largest library the app uses: it is fetched the first time a chart is drawn, not with a screen.
const EChartsChart = lazy(() => import('@/components/echarts-chart'));

/** A chart that follows its container's width; a placeholder of its height while the chart code loads. */
export function Chart(props: ChartProps) {
  const height = props.height ?? 280;
  return (
    <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height }} />}>
      <EChartsChart {...props} />
    </Suspense>
  );
}
