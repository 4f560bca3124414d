// The tools of the reading-settings panel, in the order they are shown (overlay and options page alike).
import { contentWidthTool } from './content-width';
import { customColorsTool } from './custom-colors';
import { fontFamilyTool } from './font-family';
import { fontSizeTool } from './font-size';
import { imagesTool } from './images';
import { lineHeightTool } from './line-height';
import { textAlignTool } from './text-align';
import type { ToolFactory } from './tool';

export const readerTools: readonly ToolFactory[] = [
  fontSizeTool,
  fontFamilyTool,
  lineHeightTool,
  contentWidthTool,
  textAlignTool,
  imagesTool,
  customColorsTool,
];

export { steppedFontSize } from './font-size';
export { themeTool } from './theme';
export type { ReaderTool, ToolContext, ToolFactory } from './tool';
