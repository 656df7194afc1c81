import type { TreeDataNode } from 'antd';
import { useCallback, useRef, useState } from 'react';
import { listChildren, type OrganizationListItem } from '@/features/organizations/api/list-children';
import { listRoots } from '@/features/organizations/api/list-roots';
import { reportFailure } from '@/lib/notify';

function toNode(item: OrganizationListItem): TreeDataNode {
  return { key: item.id, title: item.name, isLeaf: item.activeChildCount === 0 };
}

function withChildren(nodes: TreeDataNode[], key: React.Key, children: TreeDataNode[]): TreeDataNode[] {
  return nodes.map((node) =>
    node.key === key
      ? { ...node, children, isLeaf: children.length === 0 }
      : node.children
        ? { ...node, children: withChildren(node.children, key, children) }
        : node,
  );
}

/**
 * The lazily loaded organization tree: roots (the caller's scope, or every region), children loaded on
 * expanding, and `reveal` to open the path down to an organization chosen elsewhere (search, a link, a move).
 */
export function useOrganizationTree(scopeId: string | undefined) {
  const [nodes, setNodes] = useState<TreeDataNode[]>();
  const [expanded, setExpanded] = useState<React.Key[]>([]);
  const [loadedKeys, setLoadedKeys] = useState<React.Key[]>([]);
  // What has been loaded, readable inside async steps without waiting for a render.
  const loaded = useRef(new Set<React.Key>());

  // A failed load is announced with the server's message, never left as a tree that silently stops.
  const loadRoots = useCallback(async () => {
    try {
      const roots = await listRoots(scopeId);
      loaded.current = new Set();
      setNodes(roots.map(toNode));
      setExpanded([]);
      setLoadedKeys([]);
    } catch (error) {
      reportFailure(error, { always: true });
      setNodes((current) => current ?? []);
    }
  }, [scopeId]);

  const loadChildren = useCallback(async (key: React.Key) => {
    try {
      const children = await listChildren(String(key));
      loaded.current.add(key);
      setNodes((current) => withChildren(current ?? [], key, children.map(toNode)));
      setLoadedKeys([...loaded.current]);
    } catch (error) {
      reportFailure(error, { always: true });
    }
  }, []);

  /** Opens each ancestor (root first), loading the children that are not loaded yet. */
  const reveal = useCallback(
    async (ancestorIds: string[]) => {
      for (const id of ancestorIds) {
        if (!loaded.current.has(id)) {
          await loadChildren(id);
        }
      }
      setExpanded((keys) => [...new Set([...keys, ...ancestorIds])]);
    },
    [loadChildren],
  );

  /** After a change under `parentId` (a new child): its children again, opened. */
  const refreshChildren = useCallback(
    async (parentId: string) => {
      await loadChildren(parentId);
      setExpanded((keys) => [...new Set([...keys, parentId])]);
    },
    [loadChildren],
  );

  return { nodes, expanded, setExpanded, loadedKeys, loadRoots, loadChildren, reveal, refreshChildren };
}

export type OrganizationTreeState = ReturnType<typeof useOrganizationTree>;
