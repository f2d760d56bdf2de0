import { render } from 'preact';

function Popup() {
  return <h1>Dubao 读报</h1>;
}

render(<Popup />, document.getElementById('app')!);
