import type { BaseTickContentProps } from 'recharts';

/** The baseline shift recharts' own <Text> gives a one-line label for each vertical anchor. */
const DY = { start: '0.71em', middle: '0.355em', end: undefined } as const;

/**
 * An axis label as one plain SVG <text>, at 11 px. recharts' default label (<Text>) measures its
 * words in the DOM, and the axis reads the first label's computed style and draws again: a forced
 * layout per new label and a second pass per axis. These labels never wrap, so none of that is needed.
 * Axes that use it must not need label sizes: a numeric `interval`, or `ticks` chosen beforehand.
 */
export function AxisTick({ x, y, payload, index, tickFormatter, textAnchor, verticalAnchor, angle, fill }: BaseTickContentProps) {
  const label = tickFormatter ? tickFormatter(payload.value, index) : String(payload.value);
  return (
    <text
      className="axis-tick"
      x={x}
      y={y}
      dy={DY[verticalAnchor]}
      textAnchor={textAnchor}
      fill={fill}
      fontSize={11}
      transform={angle ? `rotate(${angle}, ${x}, ${y})` : undefined}
    >
      {label}
    </text>
  );
}
