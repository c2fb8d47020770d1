import { useEffect } from 'react';
import { windowPresetsFor } from '@/domain/imaging/window-presets';
import type { StackViewportController } from '@/rendering/use-stack-viewport';
import type { CommandBus } from '../model/command-bus';

/**
 * The toolbar's and the keys' commands, carried out on the active viewport's controller (pass null for
 * a viewport that is not active: it listens to nothing).
 */
export function useViewportCommands(
  controller: StackViewportController | null,
  bus: CommandBus,
  modality: string | null | undefined,
  cinePlaying: boolean,
  fps: number,
): void {
  useEffect(() => {
    if (!controller) return;
    const presets = windowPresetsFor(modality);
    return bus.subscribe((command) => {
      switch (command.type) {
        case 'image':
          return controller.scroll(command.delta);
        case 'image-edge':
          return void controller.showEdge(command.edge);
        case 'preset': {
          const preset = presets.find((candidate) => candidate.id === command.presetId);
          return preset && controller.setWindow(preset.center, preset.width);
        }
        case 'invert':
          return controller.toggleInvert();
        case 'rotate':
          return controller.rotate(command.degrees);
        case 'flip':
          return controller.flip(command.axis);
        case 'reset':
          return controller.reset();
        case 'fit':
          return controller.fit();
        case 'cine':
          return cinePlaying ? controller.stopCine() : controller.playCine(fps);
        case 'delete-measurement':
          return controller.deleteMeasurement();
        default:
          return undefined;
      }
    });
  }, [bus, controller, modality, cinePlaying, fps]);
}
