import { useEffect, useRef } from 'react';
import { BarChart, type BarSeriesOption } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { init, use, type ComposeOption, type ECharts } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

// Only the parts this chart draws, so the bundle carries no other chart types; SVG keeps text crisp and selectable.
use([BarChart, GridComponent, LegendComponent, TooltipComponent, AriaComponent, SVGRenderer]);

type ActivityChartOption = ComposeOption<BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

interface ActivityChartProps {
  /** The bucket labels along the axis, already in the person's language. */
  categories: readonly string[];
  series: ReadonlyArray<{ name: string; values: readonly number[] }>;
  /** What the chart shows, for screen readers and the figure's caption. */
  label: string;
  formatValue(value: number): string;
}

/** A grouped bar chart of one metric: a bar per person in each bucket. */
export function ActivityChart({ categories, series, label, formatValue }: ActivityChartProps) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | undefined>(undefined);

  useEffect(() => {
    const instance = init(element.current!, undefined, { renderer: 'svg' });
    chart.current = instance;
    const resize = () => instance.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      instance.dispose();
      chart.current = undefined;
    };
  }, []);

  useEffect(() => {
    const option: ActivityChartOption = {
      aria: { enabled: true, label: { description: label } },
      animation: false,
      grid: { left: 48, right: 16, top: 40, bottom: 32 },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', valueFormatter: (value) => formatValue(Number(value)) },
      xAxis: { type: 'category', data: [...categories] },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (value: number) => formatValue(value) } },
      series: series.map((one) => ({ type: 'bar', name: one.name, data: [...one.values] })),
    };
    chart.current?.setOption(option, { notMerge: true });
  }, [categories, series, label, formatValue]);

  return <div ref={element} className="activity-chart" role="img" aria-label={label} />;
}
