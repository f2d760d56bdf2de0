import { assertBrowserAndBuild } from './chromium';

export default function setup(): void {
  assertBrowserAndBuild();
}
